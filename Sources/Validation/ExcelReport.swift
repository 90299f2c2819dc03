import Foundation
import Roster
import Spreadsheet
import Support

/// Writes 校验报告.xlsx: a sheet listing every problem (row, column, value, message) and the roster
/// itself, row for row as in the original (so row 17 is row 17), with problem cells highlighted and each
/// row's messages in a last column. The roster is read a second time, streaming, and written in
/// constant-memory mode.
public enum ExcelReport {
    static let errorFill: UInt32 = 0xFFC7CE
    static let warningFill: UInt32 = 0xFFEB9C
    static let headerStyle = CellStyle(bold: true, fill: 0xD9E1F2, border: true)

    public static func write(_ report: ValidationReport, rosterPath: String, sheet: String?, to path: String, language l: Language) throws {
        let book = try WorkbookWriter(path: path, constantMemory: true)
        try writeProblems(report, book: book, language: l)
        try writeRoster(report, rosterPath: rosterPath, sheet: sheet, book: book, language: l)
        try book.close()
    }

    private static func writeProblems(_ report: ValidationReport, book: WorkbookWriter, language l: Language) throws {
        let sheet = try book.addSheet(l.pick("问题", "Problems"))
        let headers = l == .zh ? ["严重程度", "代码", "问题", "行", "列", "字段", "值", "照片文件", "说明"]
                               : ["Severity", "Code", "Problem", "Row", "Column", "Field", "Value", "Photo file", "Message"]
        let widths: [Double] = [9, 20, 22, 7, 6, 10, 24, 36, 70]
        for (i, w) in widths.enumerated() { sheet.setColumns(i, i, width: w) }
        for (i, h) in headers.enumerated() { sheet.write(0, i, h, headerStyle) }
        sheet.freeze(rows: 1)
        for (n, p) in report.problems.enumerated() {
            let r = n + 1
            let fill = CellStyle(fill: p.severity == .error ? errorFill : warningFill)
            sheet.write(r, 0, p.severity == .error ? l.pick("错误", "error") : l.pick("警告", "warning"), fill)
            sheet.write(r, 1, p.code)
            sheet.write(r, 2, ProblemCatalog.title(p.code, l))
            if let row = p.row { sheet.write(r, 3, number: Double(row)) }
            sheet.write(r, 4, p.column ?? "")
            sheet.write(r, 5, p.field ?? "")
            sheet.write(r, 6, p.value ?? "", CellStyle(text: true))
            sheet.write(r, 7, p.entry ?? "")
            sheet.write(r, 8, p.message)
        }
        sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: max(report.problems.count, 1), lastColumn: headers.count - 1)
    }

    private static func writeRoster(_ report: ValidationReport, rosterPath: String, sheet sheetName: String?,
                                    book: WorkbookWriter, language l: Language) throws {
        guard let reader = try? RosterFile.open(path: rosterPath, sheet: sheetName) else { return }
        let sheet = try book.addSheet(l.pick("名单", "Roster"))
        // Marks per row: column letter → worst severity, and the row's messages.
        var marks: [Int: (cells: [String: Severity], messages: [String], worst: Severity)] = [:]
        for p in report.problems {
            guard let row = p.row else { continue }
            var mark = marks[row] ?? ([:], [], .warning)
            if let column = p.column { mark.cells[column] = min(mark.cells[column] ?? .warning, p.severity) }
            mark.messages.append(p.message)
            mark.worst = min(mark.worst, p.severity)
            marks[row] = mark
        }
        var width = 0
        var messageColumn = 1
        let headerRow = report.roster?.headerRow ?? 1
        while let row = try? reader.nextRow() {
            width = max(width, row.cells.count)
            let mark = marks[row.number]
            for (c, cell) in row.cells.enumerated() {
                var style = CellStyle(text: true)
                if row.number == headerRow { style = headerStyle }
                if let severity = mark?.cells[columnLetters(c)] { style.fill = severity == .error ? errorFill : warningFill }
                if case .number(let d) = cell, row.number != headerRow {
                    sheet.write(row.number - 1, c, number: d, style.fill == nil ? nil : CellStyle(fill: style.fill))
                } else {
                    sheet.write(row.number - 1, c, cell.text, style)
                }
            }
            if row.number == headerRow {
                messageColumn = max(row.cells.count, 1)
                sheet.write(row.number - 1, messageColumn, l.pick("校验结果", "Validation"), headerStyle)
            } else if let mark {
                sheet.write(row.number - 1, max(row.cells.count, messageColumn), mark.messages.joined(separator: "；"),
                            CellStyle(fill: mark.worst == .error ? errorFill : warningFill))
            }
        }
        sheet.setColumns(0, max(width, 1), width: 16)
        sheet.freeze(rows: headerRow)
    }
}
