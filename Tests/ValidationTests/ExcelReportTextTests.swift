import Foundation
import Testing
import TestTools
@testable import Validation

/// 校验报告.xlsx holds every value as text: an ID Excel stored as a number comes back as the digits Excel
/// showed, never as the number 1.101052002101834e+17.
@Suite struct ExcelReportTextTests {
    @Test func everyCellOfTheReportIsAString() throws {
        let dir = try Fixtures.scratch()
        let path = dir + "/校验报告.xlsx"
        let report = Validator(options: Fixtures.options()).validate(rosterPath: Fixtures.demoRoster, photosPath: Fixtures.demoPhotos)
        try ExcelReport.write(report, rosterPath: Fixtures.demoRoster, sheet: nil, to: path, language: .zh)
        let sheets = try XlsxCells.sheets(of: path)
        #expect(sheets == ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
        var all: [XlsxCells.Cell] = []
        for sheet in sheets { all += try XlsxCells.cells(of: path, sheet: sheet) }
        #expect(all.count > 1000)
        let numbers = all.filter(\.holdsNonText)
        #expect(numbers.isEmpty, "\(numbers.prefix(5))")

        // The roster sheet, row for row: row 116's damaged ID and the serial numbers (numbers in the roster) as text.
        let roster = try XlsxCells.cells(of: path, sheet: "xl/worksheets/sheet2.xml")
        let damaged = try #require(roster.first { $0.reference == "E116" })
        #expect(damaged.type == "inlineStr" && damaged.value == "110105200210183000")
        #expect(roster.first { $0.reference == "A3" }?.value == "1")
        #expect(roster.first { $0.reference == "E3" }?.isText == true)
        // The problems sheet: the row column as text.
        let problems = try XlsxCells.cells(of: path, sheet: "xl/worksheets/sheet1.xml")
        let rows = problems.filter { $0.reference.hasPrefix("D") }.dropFirst().map(\.value)
        #expect(rows.contains("116") && rows.allSatisfy { Int($0) != nil })
    }
}
