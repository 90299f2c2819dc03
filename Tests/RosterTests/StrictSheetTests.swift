import Archive
import Foundation
import Roster
import Support
import Testing

/// Damaged sheet XML and out-of-range values in real workbooks (written by openpyxl and LibreOffice, then
/// changed in one place): each is a clear error naming the row, never a trap and never a silently lost row.
@Suite struct StrictSheetTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/external").path

    /// A copy of the fixture `name` whose first sheet's XML is changed by `edit`.
    static func workbook(_ name: String, _ edit: (String) -> String) throws -> String {
        let source = try ZipReader(path: fixtures + "/" + name)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kaowu-strict-\(UUID().uuidString).xlsx").path
        let writer = try ZipWriter(path: path)
        for i in 0..<source.count {
            let info = try #require(source.info(at: i))
            let entry = String(decoding: info.rawName, as: UTF8.self)
            var bytes = try source.read(at: i, limit: 1 << 24)
            if entry == "xl/worksheets/sheet1.xml" {
                let changed = edit(String(decoding: bytes, as: UTF8.self))
                #expect(changed != String(decoding: bytes, as: UTF8.self), "the edit must change the sheet")
                bytes = Array(changed.utf8)
            }
            try writer.add(entry, ZipPayload(bytes))
        }
        try writer.close()
        return path
    }

    /// Reads every row; returns the rows read and the error that stopped the reading, if any.
    static func read(_ path: String) -> (rows: Int, error: RosterError?) {
        var rows = 0
        do {
            let reader = try XlsxReader(path: path)
            while try reader.nextRow() != nil { rows += 1 }
            return (rows, nil)
        } catch let error as RosterError {
            return (rows, error)
        } catch {
            Issue.record("unexpected error \(error)")
            return (rows, nil)
        }
    }

    @Test func theUntouchedFixturesReadWhole() throws {
        let openpyxl = Self.read(Self.fixtures + "/openpyxl-basic.xlsx")
        #expect(openpyxl.rows == 7 && openpyxl.error == nil)
        #expect(Self.read(Self.fixtures + "/libreoffice.xlsx").error == nil)
    }

    @Test func aMisspelledEndTagStopsTheSheetAtItsRowInsteadOfLosingTheRow() throws {
        let path = try Self.workbook("openpyxl-basic.xlsx") { $0.replacingOccurrences(of: "</row><row r=\"4\"", with: "</rox><row r=\"4\"") }
        let (rows, error) = Self.read(path)
        let found = try #require(error)
        #expect(rows == 2)
        #expect(found.row == 4 || found.row == 3, "\(found)")
        #expect(found.en.contains("</rox>") && found.en.contains("byte "), "\(found.en)")
        #expect(found.zh.contains("数据损坏"))
    }

    @Test func aMissingCellEndTagIsAnErrorNotAnEmptyName() throws {
        let path = try Self.workbook("openpyxl-basic.xlsx") { xml in
            guard let range = xml.range(of: "</t></is></c>", range: xml.range(of: "<row r=\"3\"")!.upperBound..<xml.endIndex) else { return xml }
            return xml.replacingCharacters(in: range, with: "</t></is>")
        }
        let (_, error) = Self.read(path)
        #expect(error?.en.contains("was expected") == true, "\(String(describing: error))")
    }

    @Test func aNegativeStyleIsAnErrorNotATrap() throws {
        let path = try Self.workbook("libreoffice.xlsx") { $0.replacingOccurrences(of: "<c r=\"A3\" s=\"0\"", with: "<c r=\"A3\" s=\"-1\"") }
        let (_, error) = Self.read(path)
        #expect(error?.row == 3 && error?.en.contains("style -1") == true, "\(String(describing: error))")
    }

    @Test func sharedStringIndexesMustBeWholeNumbersInRange() throws {
        for bad in ["1e23", "999999", "-1", "x"] {
            let path = try Self.workbook("libreoffice.xlsx") { $0.replacingOccurrences(of: "<c r=\"B3\" s=\"2\" t=\"s\"><v>11</v>", with: "<c r=\"B3\" s=\"2\" t=\"s\"><v>\(bad)</v>") }
            let (_, error) = Self.read(path)
            #expect(error?.row == 3 && error?.en.contains("shared string \"\(bad)\" does not exist") == true, "\(bad): \(String(describing: error))")
        }
    }

    @Test func rowNumbersBeyondTheSheetAreAnError() throws {
        for bad in ["99999999999999999999", "1048577", "0", "-3"] {
            let path = try Self.workbook("libreoffice.xlsx") { $0.replacingOccurrences(of: "<row r=\"3\"", with: "<row r=\"\(bad)\"") }
            let (rows, error) = Self.read(path)
            #expect(rows == 2)
            #expect(error?.en.contains("row number \"\(bad)\" is outside") == true, "\(bad): \(String(describing: error))")
        }
    }

    @Test func aSheetThatEndsInsideAnElementIsAnError() throws {
        let path = try Self.workbook("openpyxl-basic.xlsx") { xml in String(xml[..<xml.range(of: "</sheetData>")!.lowerBound]) }
        let (_, error) = Self.read(path)
        #expect(error?.en.contains("ends before </sheetData>") == true, "\(String(describing: error))")
    }
}
