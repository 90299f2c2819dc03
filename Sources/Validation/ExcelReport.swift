import Foundation
import Roster
import Spreadsheet
import Support

/// Writes 校验报告.xlsx: a sheet listing every problem (row, column, value, message) and the roster
/// itself, row for row as in the original (so row 17 is row 17), with problem cells highlighted and each
/// row's messages in a last column. Every cell is a string (numbers as Excel shows them), so nothing is
/// turned into a number or a formula. The roster is read a second time, streaming, and written in
/// constant-memory mode.
public enum ExcelReport {
    static let errorFill: UInt32 = 0xFFC7CE
    static let warningFill: UInt32 = 0xFFEB9C
    static let headerStyle = CellStyle(bold: true, fill: 0xD9E1F2, border: true)

    /// Writes the report workbook to `path`; `created` fixes its timestamps (the same report gives the same bytes);
    /// `catalog` titles the codes (a later stage adds its own).
    public static func write(_ report: ValidationReport, rosterPath: String, sheet: String?, to path: String, language l: Language,
                             created: time_t? = nil, catalog: ProblemCatalog = .validation) throws {
        let book = try WorkbookWriter(path: path, constantMemory: true, created: created)
        try writeProblems(report, book: book, language: l, catalog: catalog)
        try writeRoster(report, rosterPath: rosterPath, sheet: sheet, book: book, language: l)
        try book.close()
    }

    private static func writeProblems(_ report: ValidationReport, book: WorkbookWriter, language l: Language, catalog: ProblemCatalog) throws {
        let sheet = try book.addSheet(l.pick("问题", "Problems"))
        let headers = l == .zh ? ["严重程度", "代码", "问题", "行", "列", "字段", "值", "照片文件", "说明"]
                               : ["Severity", "Code", "Problem", "Row", "Column", "Field", "Value", "Photo file", "Message"]
        let widths: [Double] = [9, 20, 22, 7, 6, 10, 22, 30, 60]
        for (i, w) in widths.enumerated() { sheet.setColumns(i, i, width: w, i == widths.count - 1 ? CellStyle(wrap: true) : nil) }
        for (i, h) in headers.enumerated() { sheet.write(0, i, h, headerStyle) }
        sheet.freeze(rows: 1)
        sheet.printLandscape()
        for (n, p) in report.problems.enumerated() {
            let r = n + 1
            let fill = CellStyle(fill: p.severity == .error ? errorFill : warningFill)
            sheet.write(r, 0, p.severity == .error ? l.pick("错误", "error") : l.pick("警告", "warning"), fill)
            sheet.write(r, 1, p.code)
            sheet.write(r, 2, catalog.title(p.code, l))
            if let row = p.row { sheet.write(r, 3, String(row), CellStyle(text: true)) }
            sheet.write(r, 4, p.column ?? "")
            sheet.write(r, 5, p.field ?? "")
            sheet.write(r, 6, p.value ?? "", CellStyle(text: true))
            sheet.write(r, 7, p.entry ?? "")
            sheet.write(r, 8, p.message(l), CellStyle(wrap: true))
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
            mark.messages.append(p.message(l))
            mark.worst = min(mark.worst, p.severity)
            marks[row] = mark
        }
        let headerRow = report.roster?.headerRow ?? 1
        // Rows up to the header are held back until the column widths are known (they must be set first).
        var pending: [TableRow] = []
        var messageColumn: Int?
        func emit(_ row: TableRow, messageColumn: Int) {
            let mark = marks[row.number]
            for (c, cell) in row.cells.enumerated() {
                var style = row.number == headerRow ? headerStyle : CellStyle(text: true)
                if let severity = mark?.cells[columnLetters(c)] { style.fill = severity == .error ? errorFill : warningFill }
                // Every value as text, numbers as Excel showed them (an ID Excel damaged: 110105200210183000).
                sheet.write(row.number - 1, c, cell.text, style)
            }
            if row.number == headerRow {
                sheet.write(row.number - 1, messageColumn, l.pick("校验结果", "Validation"), headerStyle)
            } else if let mark {
                sheet.write(row.number - 1, max(row.cells.count, messageColumn), mark.messages.joined(separator: l.pick("；", "; ")),
                            CellStyle(fill: mark.worst == .error ? errorFill : warningFill, wrap: true))
            }
        }
        func settle(_ column: Int) {
            sheet.setColumns(0, column - 1, width: 14)
            sheet.setColumns(column, column, width: 60)
            for row in pending { emit(row, messageColumn: column) }
            pending.removeAll()
            messageColumn = column
        }
        while let row = try? reader.nextRow() {
            if let column = messageColumn {
                emit(row, messageColumn: column)
            } else {
                pending.append(row)
                if row.number >= headerRow || pending.count > HeaderMap.searchDepth { settle(max(row.cells.count, 1)) }
            }
        }
        if messageColumn == nil { settle(max(pending.map(\.cells.count).max() ?? 1, 1)) }
        sheet.freeze(rows: headerRow)
        sheet.printLandscape(headerRows: headerRow)
    }
}
