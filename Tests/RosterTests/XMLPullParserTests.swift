import Archive
import Testing
import Support
@testable import Roster

/// Serves bytes a few at a time, so tags and entities straddle chunk boundaries.
final class TrickleSource: ByteSource {
    let bytes: [UInt8]
    let step: Int
    var position = 0
    init(_ text: String, step: Int) { bytes = Array(text.utf8); self.step = step }
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int {
        let n = min(step, capacity, bytes.count - position)
        for k in 0..<n { buffer[k] = bytes[position + k] }
        position += n
        return n
    }
}

func tokens(_ xml: String, step: Int = 3) throws -> [String] {
    let parser = XMLPullParser(source: TrickleSource(xml, step: step), documentName: "test.xml")
    var out: [String] = []
    while true {
        switch try parser.next() {
        case .endOfDocument: return out
        case .start(let name, let attributes): out.append("<" + name + attributes.map { " \($0.name)=\($0.value)" }.joined() + ">")
        case .end(let name): out.append("</" + name + ">")
        case .text(let t): out.append(t)
        }
    }
}

@Suite struct XMLPullParserTests {
    @Test(arguments: [1, 2, 3, 7, 4096])
    func parsesAcrossChunkBoundaries(step: Int) throws {
        let xml = #"<?xml version="1.0"?><!-- c --><x:row r="3" a='1>2'><c r="B3" t="s"><v>12</v></c><is><t xml:space="preserve"> a&amp;b&#x4E2D;&#25991; </t></is><e/><![CDATA[<raw>]]></x:row>"#
        #expect(try tokens(xml, step: step) == ["<row r=3 a=1>2>", "<c r=B3 t=s>", "<v>", "12", "</v>", "</c>", "<is>",
                                                 "<t xml:space=preserve>", " a&b中文 ", "</t>", "</is>", "<e>", "</e>", "<raw>", "</row>"])
    }

    @Test func refusesDTDs() {
        let bomb = #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><a>&lol2;</a>"#
        #expect(throws: XMLError.self) { try tokens(bomb) }
    }

    @Test func refusesUnknownEntitiesAndTruncation() {
        #expect(throws: XMLError.self) { try tokens("<a>&lol;</a>") }
        #expect(throws: XMLError.self) { try tokens("<a><b attr=\"x") }
        #expect(throws: XMLError.self) { try tokens("<a>x & y</a>") }
    }

    @Test func limitsTheSizeOfOneToken() {
        let parser = XMLPullParser(source: TrickleSource("<a " + String(repeating: "b", count: 5000), step: 1000),
                                   documentName: "t", maxToken: 1024)
        #expect(throws: XMLError.self) { while case let t = try parser.next(), !isEnd(t) {} }
    }
}

@Suite struct ExcelDateTests {
    @Test func serialsInThe1900System() {
        #expect(ExcelDate.civil(serial: 1, date1904: false)! == (1900, 1, 1))
        #expect(ExcelDate.civil(serial: 59, date1904: false)! == (1900, 2, 28))
        #expect(ExcelDate.civil(serial: 60, date1904: false)! == (1900, 2, 29))
        #expect(ExcelDate.civil(serial: 61, date1904: false)! == (1900, 3, 1))
        #expect(ExcelDate.civil(serial: 32939, date1904: false)! == (1990, 3, 7))
        #expect(ExcelDate.civil(serial: 46193.75, date1904: false)! == (2026, 6, 20))
    }

    @Test func serialsInThe1904System() {
        #expect(ExcelDate.civil(serial: 0, date1904: true)! == (1904, 1, 1))
        #expect(ExcelDate.civil(serial: 31477, date1904: true)! == (1990, 3, 7))
    }

    @Test func dateFormatsAreRecognised() {
        #expect(ExcelDate.isDateFormat("yyyy-mm-dd"))
        #expect(ExcelDate.isDateFormat(#"yyyy"年"m"月"d"日""#))
        #expect(ExcelDate.isDateFormat("[$-F800]dddd, mmmm dd, yyyy"))
        #expect(!ExcelDate.isDateFormat("General"))
        #expect(!ExcelDate.isDateFormat("0.00"))
        #expect(!ExcelDate.isDateFormat(#"0"天""#))
        #expect(!ExcelDate.isDateFormat("[Red]0"))
    }
}

@Suite struct HeaderMapTests {
    func row(_ n: Int, _ texts: [String]) -> TableRow { TableRow(number: n, cells: texts.map { $0.isEmpty ? .empty : .text($0) }) }

    @Test func skipsTitleRowsAndReadsAliases() throws {
        let rows = [row(1, ["2026年考生名单"]), row(2, ["", "考生姓名", "性别", "公民身份号码（必填）", "出生年月", "联系电话", "工作单位", "自定义"])]
        let map = try #require(HeaderMap.detect(in: rows))
        #expect(map.row == 2)
        #expect(map[.name] == 1 && map[.gender] == 2 && map[.id] == 3 && map[.birthdate] == 4 && map[.phone] == 5 && map[.school] == 6)
        #expect(map.header(of: 7) == "自定义")
    }

    @Test func mappingsNameUnknownColumns() throws {
        let rows = [row(1, ["学员", "学员证号"])]
        #expect(HeaderMap.detect(in: rows) == nil)
        let map = try #require(HeaderMap.detect(in: rows, overrides: ["学员": .name, "学员证号": .id]))
        #expect(map[.name] == 0 && map[.id] == 1)
    }

    @Test func englishHeaders() throws {
        let map = try #require(HeaderMap.detect(in: [row(1, ["Name", "ID Number", "Gender", "Date of birth"])]))
        #expect(map[.name] == 0 && map[.id] == 1 && map[.gender] == 2 && map[.birthdate] == 3)
    }

    @Test func columnReferences() {
        #expect(XlsxReader.columnIndex("A1") == 0)
        #expect(XlsxReader.columnIndex("AB12") == 27)
        #expect(XlsxReader.columnIndex("xfd1048576") == 16383)
        #expect(XlsxReader.columnIndex("12") == nil)
    }
}
