import Foundation
import Testing
@testable import Roster

/// Files written by other tools (openpyxl, LibreOffice, Python's csv): see fixtures/external/README.md.
enum External {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ name: String) -> String { root.appendingPathComponent("fixtures/external/" + name).path }

    static func rows(_ name: String, sheet: String? = nil) throws -> (reader: TableReader, rows: [TableRow]) {
        let reader = try RosterFile.open(path: path(name), sheet: sheet)
        var rows: [TableRow] = []
        while let row = try reader.nextRow() { rows.append(row) }
        return (reader, rows)
    }

    static let header = ["序号", "姓名", "性别", "证件类型", "身份证号", "出生日期", "手机号", "所属院校", "专业", "报考科目"]
}

@Suite struct ExternalSpreadsheetTests {
    @Test func openpyxlInlineStringsDatesAndTitleRow() throws {
        let (reader, rows) = try External.rows("openpyxl-basic.xlsx")
        #expect(reader.sheetName == "考生名单")
        #expect(rows[0][0] == .text("2026年上半年职业技能等级考试考生名单"))
        #expect(rows[1].cells.map(\.text) == External.header)
        let map = try #require(HeaderMap.detect(in: rows))
        #expect(map.row == 2 && map[.id] == 4)
        #expect(rows[2].number == 3)
        #expect(rows[2][4] == .text("110101199003071233"))
        #expect(rows[2][5] == .date(year: 1990, month: 3, day: 7))
        #expect(rows[2][6] == .number(13800138000) && rows[2][6].text == "13800138000")
        #expect(rows[3][1] == .text("李\u{200B}娜"))
        #expect(rows[4][5] == .date(year: 1988, month: 5, day: 16))     // built-in format 14
        #expect(rows[6][5] == .date(year: 1999, month: 12, day: 31))    // yyyy"年"m"月"d"日"
        #expect(rows[5][4] == .text("51010720010228139x"))
        #expect(rows.count == 7)
    }

    @Test func multipleSheetsByNameAndNumber() throws {
        let first = try External.rows("openpyxl-multisheet.xlsx")
        #expect(first.reader.sheetName == "说明")
        let named = try External.rows("openpyxl-multisheet.xlsx", sheet: "名单")
        #expect(named.reader.sheetName == "名单" && named.rows.count == 4)
        let numbered = try External.rows("openpyxl-multisheet.xlsx", sheet: "2")
        #expect(numbered.reader.sheetName == "名单")
        #expect(throws: RosterError.self) { try External.rows("openpyxl-multisheet.xlsx", sheet: "不存在") }
    }

    @Test func richTextRunsWithoutPhoneticGuides() throws {
        let (_, rows) = try External.rows("openpyxl-richtext.xlsx")
        #expect(rows[1][1] == .text("张三丰"))
        #expect(rows[2][1] == .text("欧阳娜娜"))
    }

    @Test func the1904DateSystem() throws {
        let (_, rows) = try External.rows("date1904.xlsx")
        #expect(rows[1][5] == .date(year: 1990, month: 3, day: 7))
        #expect(rows[3][5] == .date(year: 2000, month: 2, day: 29))
    }

    @Test func idsStoredAsNumbersShowAsExcelShowsThem() throws {
        let (_, rows) = try External.rows("id-as-number.xlsx")
        guard case .number = rows[1][4] else { Issue.record("expected a number cell"); return }
        #expect(rows[1][4].text == "110101199003071000")
    }

    @Test func libreOfficeSharedStringsXlsx() throws {
        let (_, rows) = try External.rows("libreoffice.xlsx")
        #expect(rows[1].cells.map(\.text) == External.header)
        #expect(rows[2][4] == .text("110101199003071233"))
        #expect(rows[2][5] == .date(year: 1990, month: 3, day: 7))
        #expect(rows[6][1] == .text("阿卜杜·热合曼"))
    }

    @Test func libreOfficeXls() throws {
        let (reader, rows) = try External.rows("libreoffice.xls")
        #expect(reader.formatDescription == "xls")
        #expect(rows[1].cells.map(\.text) == External.header)
        #expect(rows[2][4] == .text("110101199003071233"))
        #expect(rows[2][5] == .date(year: 1990, month: 3, day: 7))
        #expect(rows[2][6].text == "13800138000")
    }
}

@Suite struct ExternalTextTests {
    @Test func gbkCsvWithQuotedCommaAndNewline() throws {
        let (reader, rows) = try External.rows("gbk.csv")
        #expect(reader.formatDescription == "csv (GB18030)")
        #expect(rows[0].cells.map(\.text).prefix(10) == ArraySlice(External.header))
        #expect(rows[1][1] == .text("张伟"))
        let addresses = rows.dropFirst().map { $0[10].text }
        #expect(addresses.contains { $0.contains(",") })
        #expect(addresses.contains { $0.contains("\n") })
        // A record with a line break inside quotes is still one row; row numbers count records.
        #expect(rows.map(\.number) == Array(1...rows.count))
    }

    @Test func utf8WithAndWithoutBOMAndTabs() throws {
        let bom = try External.rows("utf8-bom.csv")
        #expect(bom.reader.formatDescription == "csv (UTF-8 BOM)")
        #expect(bom.rows[0][0] == .text("序号"))              // the BOM is not part of the first header
        let plain = try External.rows("utf8.csv")
        #expect(plain.rows[1][4] == .text("110101199003071233"))
        let tsv = try External.rows("roster.tsv")
        #expect(tsv.reader.formatDescription == "tsv (UTF-8)")
        #expect(tsv.rows[0].cells.map(\.text) == External.header)
    }

    @Test func damagedIdsInCsv() throws {
        let (_, rows) = try External.rows("id-as-number.csv")
        #expect(rows[1][4] == .text("1.10101E+17"))
        #expect(rows[2][4] == .text("110101199003071000"))
    }

    @Test func headerOnlyAndNoHeader() throws {
        let only = try External.rows("header-only.csv")
        #expect(only.rows.count == 1)
        let none = try External.rows("no-header.csv")
        #expect(HeaderMap.detect(in: none.rows) == nil)
    }
}

@Suite struct HostileRosterTests {
    func error(_ name: String) -> RosterError? {
        do { _ = try External.rows(name); return nil } catch let e as RosterError { return e } catch { return nil }
    }

    @Test func binaryCsvNamesTheRow() throws {
        let e = try #require(error("binary.csv"))
        #expect(e.code == "roster.unreadable" && e.row != nil)
        #expect(e.zh.contains("二进制"))
    }

    @Test func emptyFiles() throws {
        #expect(try #require(error("empty.csv")).zh.contains("空"))
        #expect(try #require(error("empty.xlsx")).zh.contains("空"))
    }

    @Test func passwordProtectedWorkbook() throws {
        #expect(try #require(error("password.xlsx")).zh.contains("密码"))
    }

    @Test func entityExpansionIsRefused() throws {
        #expect(try #require(error("billion-laughs.xlsx")).en.contains("DTD"))
        #expect(try #require(error("billion-laughs-sst.xlsx")).en.contains("DTD"))
    }

    @Test func truncatedXmlKeepsTheRowsBeforeTheDamage() throws {
        let reader = try RosterFile.open(path: External.path("broken-xml.xlsx"))
        var read = 0
        do {
            while try reader.nextRow() != nil { read += 1 }
            Issue.record("expected an error")
        } catch let e as RosterError {
            #expect(e.row != nil)
        }
        #expect(read >= 3)
    }

    @Test func textRenamedToXlsx() throws {
        #expect(try #require(error("not-a-zip.xlsx")).code == "roster.unreadable")
    }

    @Test func undecodableCsvIsNeverGuessedSilently() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaowu-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("bad.csv")
        // Valid-looking header, then bytes that are neither UTF-8 nor GB18030 (0x80 alone, 0xFF).
        try Data(Array("姓名,身份证号\n张三,1\n".utf8) + [0x80, 0xFF, 0x0A]).write(to: file)
        do {
            _ = try RosterFile.open(path: file.path)
            Issue.record("expected an encoding error")
        } catch let e as RosterError {
            #expect(e.row == 3)
            #expect(e.zh.contains("编码"))
        }
    }
}
