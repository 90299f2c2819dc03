import Foundation
import Support

/// Text with fields in it: `姓名：{{name}}`, `{{birthdate | date}}`, `{{id | mask}}`, `{{seat | pad:2}}`.
/// Parsed once when the template is loaded; filled per record.
public struct BoundText: Sendable, Equatable {
    /// A small transformation applied to a field's value.
    public enum Formatter: Sendable, Equatable {
        /// 1990-03-07 → 1990年03月07日.
        case date
        /// 110101199003071233 → 110101********1233, E12345678 → E1*****78 (`IDMask`).
        case mask
        case upper
        /// Left-pads with zeros to the width.
        case pad(Int)
    }

    public enum Part: Sendable, Equatable {
        case literal(String)
        case field(String, [Formatter])
    }

    public private(set) var parts: [Part]
    /// The template line the binding was written on (set by `TemplateLoader`; nil when made in code).
    public var line: Int?
    /// Whether its element is `optional: true`: its fields need not be supplied, and the element is not
    /// drawn for a record where one of them is blank.
    public var isOptional = false

    /// The field names used, in order.
    public var fields: [String] {
        parts.compactMap { if case .field(let name, _) = $0 { return name } else { return nil } }
    }

    /// Parses `source`; throws a message for an unclosed `{{`, an empty field or an unknown formatter.
    public init(_ source: String) throws {
        var parts: [Part] = []
        let (pieces, unclosed) = PlaceholderText.pieces(of: source, open: "{{", close: "}}")
        for piece in pieces {
            switch piece {
            case .literal(let text): parts.append(.literal(text))
            case .placeholder(let inside):
                let inner = inside.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                guard let name = inner.first, !name.isEmpty else { throw BindingError(zh: "空的 {{ }}：\(source)", en: "an empty {{ }} in \(source)") }
                parts.append(.field(name, try inner.dropFirst().map(BoundText.formatter)))
            }
        }
        if unclosed { throw BindingError(zh: "“{{”没有对应的“}}”：\(source)", en: "\"{{\" without \"}}\" in \(source)") }
        self.parts = parts
    }

    static func formatter(_ text: String) throws -> Formatter {
        let pieces = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        switch pieces[0] {
        case "date": return .date
        case "mask": return .mask
        case "upper": return .upper
        case "pad":
            guard pieces.count == 2, let width = Int(pieces[1]), (1...20).contains(width) else {
                throw BindingError(zh: "pad 需要宽度，如 {{seat | pad:2}}", en: "pad needs a width, e.g. {{seat | pad:2}}")
            }
            return .pad(width)
        default:
            throw BindingError(zh: "未知的格式“\(pieces[0])”（可用：date、mask、upper、pad:N）", en: "unknown formatter \"\(pieces[0])\" (known: date, mask, upper, pad:N)")
        }
    }

    /// Text without fields, printed as given (`{{` included).
    public static func literal(_ text: String) -> BoundText { BoundText(parts: [.literal(text)]) }

    private init(parts: [Part]) { self.parts = parts }

    /// The same text with every field renamed by `rename` (a list's `{{subject}}` → `schedule.2.subject`).
    public func renamingFields(_ rename: (String) -> String) -> BoundText {
        var copy = self
        copy.parts = parts.map { part in
            if case .field(let name, let formatters) = part { return .field(rename(name), formatters) }
            return part
        }
        return copy
    }

    /// Whether one of the fields has no value (or only spaces) in `values`.
    public func hasBlank(_ values: [String: String]) -> Bool {
        fields.contains { (values[$0] ?? "").allSatisfy(\.isWhitespace) }
    }

    /// The text for one record; a field without a value becomes empty.
    public func resolve(_ values: [String: String]) -> String {
        parts.map { part in
            switch part {
            case .literal(let text): return text
            case .field(let name, let formatters):
                return formatters.reduce(values[name] ?? "") { BoundText.apply($1, to: $0) }
            }
        }.joined()
    }

    static func apply(_ formatter: Formatter, to value: String) -> String {
        switch formatter {
        case .upper: return value.uppercased()
        case .pad(let width): return value.count >= width ? value : String(repeating: "0", count: width - value.count) + value
        case .mask: return IDMask.mask(value)
        case .date:
            let numbers = value.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            guard numbers.count >= 3, numbers[0] > 999 else { return value }
            return String(format: "%04d年%02d月%02d日", numbers[0], numbers[1], numbers[2])
        }
    }
}
