import Support

/// How certificate numbers are made: `{issuer.code}{year}{seq:6}` — the issuer's code, the issue year, a
/// running number of N digits counted per prefix in the registry — and the roster's own columns
/// (`{证书编号}`, `{培训项目代码}`). A number is at most 40 characters of A–Z, 0–9 and `-`, so that it is a
/// file name and fits the QR code's alphanumeric text.
public struct CertificateNumberPattern: Sendable, Equatable {
    /// One piece of the pattern.
    public enum Piece: Sendable, Equatable {
        case literal(String)
        case issuerCode
        case year
        case sequence(digits: Int)
        case column(String)
    }

    public let pieces: [Piece]
    public let text: String

    /// The longest number a pattern may make.
    public static let maxLength = 40

    /// Parses `text`; a mistake is thrown as its reason.
    public init(_ text: String) throws(Failure) {
        let (parts, unclosed) = PlaceholderText.pieces(of: text, open: "{", close: "}")
        guard !unclosed else { throw Failure(zh: "“{”没有配对的“}”", en: "a \"{\" has no matching \"}\"") }
        var pieces: [Piece] = []
        for part in parts {
            switch part {
            case .literal(let literal):
                guard literal.allSatisfy(Self.isAllowed) else {
                    throw Failure(zh: "“\(literal)”：编号中的固定文字只能是大写字母、数字和“-”",
                                        en: "\"\(literal)\": fixed text in a number may only be A–Z, 0–9 and \"-\"")
                }
                pieces.append(.literal(literal))
            case .placeholder(let inside):
                let name = inside.trimmingCharacters(in: .whitespaces)
                switch name {
                case "issuer.code": pieces.append(.issuerCode)
                case "year": pieces.append(.year)
                case _ where name == "seq" || name.hasPrefix("seq:"):
                    let digits = name == "seq" ? 6 : Int(name.dropFirst(4)) ?? 0
                    guard (1...12).contains(digits) else {
                        throw Failure(zh: "“{\(inside)}”：流水号位数应为 1–12，如 {seq:6}", en: "\"{\(inside)}\": the running number needs 1–12 digits, e.g. {seq:6}")
                    }
                    pieces.append(.sequence(digits: digits))
                case "":
                    throw Failure(zh: "“{}”里没有名字", en: "\"{}\" names nothing")
                default:
                    pieces.append(.column(name))
                }
            }
        }
        let sequences = pieces.filter { if case .sequence = $0 { return true } else { return false } }.count
        guard sequences <= 1 else { throw Failure(zh: "只能有一个流水号 {seq}", en: "give one running number {seq} at most") }
        guard sequences == 1 || pieces.contains(where: { if case .column = $0 { return true } else { return false } }) else {
            throw Failure(zh: "编号需有流水号 {seq:N} 或名单中的编号列（如 {证书编号}），否则不唯一",
                                en: "a number needs a running number {seq:N} or a roster column such as {证书编号}, or it is not unique")
        }
        self.pieces = pieces
        self.text = text
    }

    /// The roster columns the pattern reads.
    public var columns: [String] {
        pieces.compactMap { if case .column(let name) = $0 { return name } else { return nil } }
    }

    public var hasSequence: Bool { pieces.contains { if case .sequence = $0 { return true } else { return false } } }

    /// What a number is made of for one holder: the prefix (all but the running number, with a marker where
    /// it goes; what the registry counts by) and a function giving the number for a running number.
    public struct Parts: Sendable, Equatable {
        public var prefix: String
        public var before: String
        public var after: String
        public var digits: Int

        public func number(_ sequence: Int) -> String {
            guard digits > 0 else { return before }
            let text = String(sequence)
            return before + String(repeating: "0", count: max(0, digits - text.count)) + text + after
        }
    }

    /// The parts for an issuer, year and a holder's columns (`column` gives a column's value as written);
    /// a column that is blank or has characters a number cannot hold is thrown as its name and value.
    public func parts(issuerCode: String, year: Int, column: (String) -> String?) throws(ColumnMistake) -> Parts {
        var before = "", after = "", digits = 0
        for piece in pieces {
            let text: String
            switch piece {
            case .literal(let literal): text = literal
            case .issuerCode: text = issuerCode
            case .year: text = String(year)
            case .sequence(let n): digits = n; continue
            case .column(let name):
                let value = TextCleaner.documentNumber(column(name) ?? "")
                guard !value.isEmpty, value.allSatisfy(Self.isAllowed) else { throw ColumnMistake(column: name, value: column(name) ?? "") }
                text = value
            }
            if digits == 0 { before += text } else { after += text }
        }
        return Parts(prefix: before + (digits > 0 ? "{seq:\(digits)}" : "") + after, before: before, after: after, digits: digits)
    }

    /// A mistake in a pattern, as a person reads it.
    public struct Failure: Error, Sendable, Equatable {
        public var text: LocalizedText
        init(zh: String, en: String) { text = LocalizedText(zh: zh, en: en) }
    }

    /// A roster column whose value cannot go into a number.
    public struct ColumnMistake: Error, Sendable, Equatable {
        public var column: String
        public var value: String
    }

    static func isAllowed(_ c: Character) -> Bool {
        c == "-" || (c.isASCII && (c.isNumber || c.isUppercase))
    }
}
