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
