import Archive
import CFreeXL
import Foundation
import Support

/// Reads one sheet of a legacy Excel 97–2003 workbook (.xls, BIFF8) through FreeXL, which converts its
/// text to UTF-8 and its date cells to ISO dates. An .xls has at most 65,536 rows; FreeXL holds it whole.
public final class XlsReader: TableReader {
    private let handle: UnsafeRawPointer
    public let sheetName: String
    public var formatDescription: String { "xls" }
    private let rowCount: UInt32
    private let columnCount: UInt16
    private var nextIndex: UInt32 = 0

    public init(path: String, sheet: String? = nil) throws {
        var opened: UnsafeRawPointer?
        let status = freexl_open(path, &opened)
        guard status == FREEXL_OK, let opened else {
            if let opened { freexl_close(opened) }
            if XlsReader.isEncryptedOOXML(path: path) { throw RosterFile.passwordProtected(path) }
            throw RosterError(file: path, zh: "无法读取这个 .xls 文件（FreeXL 错误 \(status)），文件可能已损坏。请用 Excel 打开后另存为 .xlsx",
                              en: "cannot read this .xls file (FreeXL error \(status)); it may be damaged. Open it in Excel and save as .xlsx")
        }
        handle = opened
        var info: UInt32 = 0
        if freexl_get_info(handle, UInt16(FREEXL_BIFF_PASSWORD), &info) == FREEXL_OK, info == UInt32(FREEXL_BIFF_OBFUSCATED) {
            freexl_close(handle)
            throw RosterFile.passwordProtected(path)
        }
        var sheets: [String] = []
        if freexl_get_info(handle, UInt16(FREEXL_BIFF_SHEET_COUNT), &info) == FREEXL_OK {
            for index in 0..<info {
                var name: UnsafePointer<CChar>?
                if freexl_get_worksheet_name(handle, UInt16(index), &name) == FREEXL_OK, let name {
                    sheets.append(String(cString: name))
                } else {
                    sheets.append("Sheet\(index + 1)")
                }
            }
        }
        var chosen = sheets.isEmpty ? nil : 0
        if let sheet {
            chosen = sheets.firstIndex(of: sheet) ?? Int(sheet).flatMap { $0 >= 1 && $0 <= sheets.count ? $0 - 1 : nil }
        }
        guard let chosen, freexl_select_active_worksheet(handle, UInt16(chosen)) == FREEXL_OK else {
            freexl_close(handle)
            if sheets.isEmpty {
                throw RosterError(file: path, zh: "工作簿里没有工作表", en: "the workbook has no sheets")
            }
            throw RosterError(file: path, zh: "找不到工作表“\(sheet ?? "")”，现有：\(sheets.joined(separator: "、"))",
                              en: "no sheet \"\(sheet ?? "")\"; the workbook has: \(sheets.joined(separator: ", "))")
        }
        sheetName = sheets[chosen]
        var rows: UInt32 = 0
        var columns: UInt16 = 0
        _ = freexl_worksheet_dimensions(handle, &rows, &columns)
        rowCount = rows
        columnCount = columns
    }

    deinit { freexl_close(handle) }

    public func nextRow() throws -> TableRow? {
        guard nextIndex < rowCount else { return nil }
        let row = nextIndex
        nextIndex += 1
        var cells: [CellValue] = []
        cells.reserveCapacity(Int(columnCount))
        for column in 0..<columnCount {
            var value = FreeXL_CellValue()
            guard freexl_get_cell_value(handle, row, column, &value) == FREEXL_OK else {
                cells.append(.empty)
                continue
            }
            switch Int32(value.type) {
            case FREEXL_CELL_INT: cells.append(.number(Double(value.value.int_value)))
            case FREEXL_CELL_DOUBLE: cells.append(.number(value.value.double_value))
            case FREEXL_CELL_TEXT, FREEXL_CELL_SST_TEXT:
                cells.append(value.value.text_value.map { .text(String(cString: $0)) } ?? .empty)
            case FREEXL_CELL_DATE, FREEXL_CELL_DATETIME:
                let text = value.value.text_value.map { String(cString: $0) } ?? ""
                if let date = CivilDate.parse(String(text.prefix(10))), date.hasDay {
                    cells.append(.date(year: date.year, month: date.month, day: date.day))
                } else {
                    cells.append(.text(text))
                }
            case FREEXL_CELL_TIME:
                cells.append(value.value.text_value.map { .text(String(cString: $0)) } ?? .empty)
            default: cells.append(.empty)
            }
        }
        return TableRow(number: Int(row) + 1, cells: cells)
    }

    /// Whether a compound document is an encrypted .xlsx (it holds an `EncryptedPackage` stream).
    static func isEncryptedOOXML(path: String) -> Bool {
        guard let source = try? FileByteSource(path: path) else { return false }
        let marker = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var tail: [UInt8] = []
        var scanned = 0
        while scanned < 16 << 20 {
            let n = (try? buffer.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, capacity: $0.count) }) ?? 0
            if n == 0 { break }
            let window = tail + buffer[0..<n]
            if window.indices.dropLast(marker.count - 1).contains(where: { i in window[i..<(i + marker.count)].elementsEqual(marker) }) {
                return true
            }
            tail = Array(window.suffix(marker.count))
            scanned += n
        }
        return false
    }
}
