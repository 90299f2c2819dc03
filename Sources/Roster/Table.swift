import Support
import Foundation

/// A cell's value as the spreadsheet stored it (the type matters: an ID number stored as a number has
/// already lost digits).
public enum CellValue: Sendable, Equatable {
    case empty
    case text(String)
    case number(Double)
    /// A number formatted as a date in the workbook, converted to a calendar date.
    case date(year: Int, month: Int, day: Int)
    case bool(Bool)
    /// An error value such as `#N/A`.
    case error(String)

    /// The text a person sees for this cell (numbers without a trailing `.0`, dates as 1990-03-07).
    public var text: String {
        switch self {
        case .empty: return ""
        case .text(let s): return s
        case .number(let d): return CellValue.format(d)
        case .date(let y, let m, let d): return String(format: "%04d-%02d-%02d", y, m, d)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e
        }
    }

    /// Whether the cell holds nothing but white space.
    public var isBlank: Bool {
        switch self {
        case .empty: return true
        case .text(let s): return s.allSatisfy { $0.isWhitespace }
        default: return false
        }
    }

    /// Formats a number as Excel shows it: integers without `.0` and, like Excel, with at most 15
    /// significant digits (an 18-digit ID stored as a number shows as 110101199003071000).
    public static func format(_ d: Double) -> String {
        guard d.isFinite, d == d.rounded(), abs(d) < 1e21 else { return "\(d)" }
        if abs(d) < 1e15 { return String(format: "%.0f", d) }
        let scientific = String(format: "%.14e", abs(d))          // 1.10101199003071e+17
        guard let e = scientific.firstIndex(of: "e"), let exponent = Int(scientific[scientific.index(after: e)...]) else {
            return String(format: "%.0f", d)
        }
        var digits = scientific[..<e].replacingOccurrences(of: ".", with: "")
        while digits.count < exponent + 1 { digits += "0" }
        return (d < 0 ? "-" : "") + digits
    }
}

/// One row of a table, with the row number a person sees in the spreadsheet (header = row 1 when it is first).
public struct TableRow: Sendable {
    public let number: Int
    /// Cells by zero-based column index; missing trailing cells are simply absent.
    public var cells: [CellValue]

    public init(number: Int, cells: [CellValue]) {
        self.number = number
        self.cells = cells
    }

    /// The cell at `column`, `.empty` past the end.
    public subscript(column: Int) -> CellValue { column < cells.count ? cells[column] : .empty }

    /// Whether every cell is blank.
    public var isBlank: Bool { cells.allSatisfy { $0.isBlank } }
}

/// A table read row by row, in order, without holding the whole sheet in memory.
public protocol TableReader: AnyObject {
    /// The sheet's name (the file name for CSV).
    var sheetName: String { get }
    /// What kind of file and encoding it was read as, e.g. `xlsx`, `csv (GB18030)`.
    var formatDescription: String { get }
    /// The next row, or nil at the end.
    func nextRow() throws -> TableRow?
}

/// A roster that cannot be read at all (`roster.unreadable`, `roster.header-missing`): the file, and why,
/// in the user's words.
public struct RosterError: Error, Diagnostic, CustomStringConvertible {
    public let code: String
    public let file: String
    public let row: Int?
    /// Chinese and English explanations.
    public let zh: String
    public let en: String

    public init(code: String = "roster.unreadable", file: String, row: Int? = nil, zh: String, en: String) {
        self.code = code
        self.file = file
        self.row = row
        self.zh = zh
        self.en = en
    }

    public var description: String { "\(file): \(en)" }

    /// Both explanations.
    public var text: LocalizedText { LocalizedText(zh: zh, en: en) }

    public var facts: DiagnosticFacts { DiagnosticFacts(file: file, row: row) }

    /// `file：explanation`.
    public func message(_ language: Language) -> String { language.pick("\(file)：\(zh)", "\(file): \(en)") }
}
