import Archive
import Foundation
import Support

/// Reads one sheet of an .xlsx workbook row by row, streaming its XML from the zip (constant memory
/// apart from the shared-string table the format requires).
public final class XlsxReader: TableReader {
    private let workbook: XlsxWorkbook
    private let xml: XMLPullParser
    public let sheetName: String
    public var formatDescription: String { "xlsx" }
    /// Every sheet in the workbook, in order.
    public let allSheetNames: [String]
    private var lastRow = 0

    /// Opens `path` and selects `sheet` (a name, or a 1-based number), by default the first visible sheet.
    public init(path: String, sheet: String? = nil) throws {
        let zip: ZipReader
        do { zip = try ZipReader(path: path) } catch { throw RosterFile.explainUnopenable(path: path, format: "xlsx") }
        do {
            workbook = try XlsxWorkbook(zip: zip, file: path)
        } catch let error as XMLError {
            throw RosterError(file: path, zh: "工作簿结构损坏：\(error.description)", en: "the workbook is damaged: \(error.description)")
        }
        let sheets = workbook.sheets
        allSheetNames = sheets.map(\.name)
        let names = allSheetNames
        let chosen: XlsxWorkbook.Sheet?
        if let sheet {
            chosen = sheets.first { $0.name == sheet }
                ?? Int(sheet).flatMap { $0 >= 1 && $0 <= sheets.count ? sheets[$0 - 1] : nil }
        } else {
            chosen = sheets.first { !$0.hidden } ?? sheets.first
        }
        guard let chosen else {
            if names.isEmpty {
                throw RosterError(file: path, zh: "工作簿里没有工作表", en: "the workbook has no sheets")
            }
            throw RosterError(file: path, zh: "找不到工作表“\(sheet ?? "")”，现有：\(names.joined(separator: "、"))",
                              en: "no sheet \"\(sheet ?? "")\"; the workbook has: \(names.joined(separator: ", "))")
        }
        guard let parser = try XlsxReader.open(workbook, chosen) else {
            throw RosterError(file: path, zh: "工作表“\(chosen.name)”的数据缺失（\(chosen.path)）",
                              en: "sheet \"\(chosen.name)\" has no data part (\(chosen.path))")
        }
        xml = parser
        sheetName = chosen.name
    }

    private static func open(_ workbook: XlsxWorkbook, _ sheet: XlsxWorkbook.Sheet) throws -> XMLPullParser? {
        try workbook.parser(for: sheet.path)
    }

    public func nextRow() throws -> TableRow? {
        do { return try readRow() } catch let error as XMLError {
            throw RosterError(file: workbook.file, row: lastRow + 1,
                              zh: "工作表“\(sheetName)”第 \(lastRow + 1) 行附近的数据损坏：\(error.description)",
                              en: "sheet \"\(sheetName)\" is damaged near row \(lastRow + 1): \(error.description)")
        } catch let error as ZipError {
            throw RosterError(file: workbook.file, row: lastRow + 1, zh: "读取失败：\(error)", en: "cannot read: \(error)")
        }
    }

    private func readRow() throws -> TableRow? {
        var rowNumber: Int?
        var cells: [CellValue] = []
        var column = 0
        var type = "n"
        var style = 0
        var value = ""
        var inValue = false
        var inInline = false
        var phoneticDepth = 0
        while true {
            let token = try xml.next()
            switch token {
            case .endOfDocument:
                return nil
            case .start(let name, let attributes):
                switch name {
                case "row":
                    if let text = attributes.value("r") {
                        guard let n = Int(text), (1...1_048_576).contains(n) else {
                            throw XMLError(description: "row number \"\(text.prefix(40))\" is outside 1…1048576")
                        }
                        rowNumber = n
                    } else {
                        rowNumber = lastRow + 1
                    }
                    cells.removeAll(keepingCapacity: true)
                    column = 0
                case "c":
                    if let ref = attributes.value("r"), let parsed = XlsxReader.columnIndex(ref) { column = parsed }
                    type = attributes.value("t") ?? "n"
                    style = attributes.value("s").flatMap(Int.init) ?? 0
                    guard style >= 0 else { throw XMLError(description: "cell style \(style) does not exist") }
                    value = ""
                case "v": inValue = true
                case "is": inInline = true
                case "rPh": phoneticDepth += 1
                case "t" where inInline && phoneticDepth == 0: inValue = true
                default: break
                }
            case .end(let name):
                switch name {
                case "v", "t": inValue = false
                case "is": inInline = false
                case "rPh": phoneticDepth -= 1
                case "c":
                    guard column < 16_384 else { throw XMLError(description: "a cell beyond column XFD") }
                    let cell = try makeCell(type: type, style: style, raw: value)
                    if column >= cells.count { cells.append(contentsOf: repeatElement(.empty, count: column - cells.count + 1)) }
                    cells[column] = cell
                    column += 1
                case "row":
                    let number = rowNumber ?? (lastRow + 1)
                    lastRow = number
                    return TableRow(number: number, cells: cells)
                default: break
                }
            case .text(let s):
                if inValue { value += s }
            }
        }
    }

    private func makeCell(type: String, style: Int, raw: String) throws -> CellValue {
        switch type {
        case "s":
            let text = raw.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return .empty }
            guard let index = Int(text), index >= 0, index < workbook.sharedStrings.count else {
                throw XMLError(description: "shared string \"\(text.prefix(40))\" does not exist (the workbook has \(workbook.sharedStrings.count))")
            }
            return .text(workbook.sharedStrings[index])
        case "inlineStr", "str":
            return .text(XlsxText.unescape(raw))
        case "b":
            return .bool(raw == "1" || raw == "true")
        case "e":
            return .error(raw)
        case "d":
            if let date = CivilDate.parse(String(raw.prefix(10))), date.hasDay { return .date(year: date.year, month: date.month, day: date.day) }
            return .text(raw)
        default:
            let trimmed = raw.utf8.first == 0x20 || raw.utf8.last == 0x20 ? raw.trimmingCharacters(in: .whitespaces) : raw
            if trimmed.isEmpty { return .empty }
            guard let number = Double(trimmed) else { return .text(trimmed) }
            if style < workbook.dateStyles.count, workbook.dateStyles[style],
               let date = ExcelDate.civil(serial: number, date1904: workbook.date1904) {
                return .date(year: date.year, month: date.month, day: date.day)
            }
            return .number(number)
        }
    }

    /// The zero-based column of a cell reference such as `AB12`.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference.utf8 {
            let upper = byte & ~0x20
            guard upper >= 65 && upper <= 90 else { break }
            index = index * 26 + Int(upper - 64)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : index - 1
    }
}
