import Support

/// One condition a holder's result must meet to be certified: a roster column at least a number
/// (`考核成绩 ≥ 60`) or equal to one of some words (`是否合格 = 是/合格`).
public struct PassRule: Sendable, Equatable {
    /// What the column's value is compared with.
    public enum Test: Sendable, Equatable {
        case atLeast(Double)
        case oneOf([String])
    }

    /// The roster column (its header text as written).
    public var column: String
    public var test: Test

    public init(column: String, test: Test) {
        self.column = column
        self.test = test
    }

    /// Why a value does not pass (nil when it passes): a blank, a number below the mark, a word not
    /// among those accepted; `unreadable` when a number was expected and the value is none.
    public enum Failure: Sendable, Equatable {
        case blank
        case below(value: String, mark: Double)
        case notAccepted(value: String, accepted: [String])
        case unreadable(value: String)

        /// The reason as a person reads it in the list of those not certified.
        public func text(column: String) -> LocalizedText {
            switch self {
            case .blank:
                return LocalizedText(zh: "\(column)为空", en: "\(column) is blank")
            case .below(let value, let mark):
                return LocalizedText(zh: "\(column) \(value) 低于 \(PassRule.format(mark))", en: "\(column) \(value) is below \(PassRule.format(mark))")
            case .notAccepted(let value, let accepted):
                return LocalizedText(zh: "\(column)为“\(value)”（需为\(accepted.map { "“\($0)”" }.joined(separator: "或"))）",
                                     en: "\(column) is \"\(value)\" (needs \(accepted.map { "\"\($0)\"" }.joined(separator: " or ")))")
            case .unreadable(let value):
                return LocalizedText(zh: "\(column)“\(value)”不是数字", en: "\(column) \"\(value)\" is not a number")
            }
        }
    }

    /// Checks `value` (as written in the roster, nil when the column is missing for the row).
    public func check(_ value: String?) -> Failure? {
        let written = TextCleaner.asWritten(value ?? "")
        guard !written.isEmpty else { return .blank }
        switch test {
        case .atLeast(let mark):
            guard let number = Self.number(written) else { return .unreadable(value: written) }
            return number >= mark ? nil : .below(value: written, mark: mark)
        case .oneOf(let accepted):
            let key = TextCleaner.key(written)
            return accepted.contains { TextCleaner.key($0) == key } ? nil : .notAccepted(value: written, accepted: accepted)
        }
    }

    /// A score as written: `86`, `86.5`, `８６`, `86分`.
    static func number(_ text: String) -> Double? {
        var key = TextCleaner.key(text)
        if key.hasSuffix("分") { key.removeLast() }
        guard let value = Double(key.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
        return value
    }

    /// A mark without a needless `.0`.
    static func format(_ mark: Double) -> String {
        mark == mark.rounded() && abs(mark) < 1e15 ? String(Int(mark)) : String(mark)
    }
}
