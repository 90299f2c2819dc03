import Support

/// A 准考证号 pattern such as `{exam.code}{site.code:4}{room:3}{seat:2}`: literal characters and fields,
/// each field optionally padded with zeros to a width. Every number it makes has the same length, and a
/// value too long for its width is an error, so numbers are fixed-width and unique by construction.
public struct TicketNumberPattern: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case literal(String)
        case field(String, width: Int?)
    }

    let parts: [Part]
    /// The fields a pattern may use.
    public static let fields: Set<String> = ["exam.code", "site.code", "room", "seat", "session.code", "seq"]

    /// A mistake in a pattern or a value that does not fit it (`ticket-number.invalid`), worded in both
    /// languages (the job loader words the place around it).
    public struct Failure: Error, Diagnostic, CustomStringConvertible {
        public let text: LocalizedText
        init(zh: String, en: String) { text = LocalizedText(zh: zh, en: en) }
        public var description: String { text.en }
        public var code: String { "ticket-number.invalid" }
        public func message(_ language: Language) -> String { text.pick(language) }
    }

    public init(_ text: String) throws {
        let parts = try Self.parts(of: text, fields: Self.fields, padded: ["room", "seat", "seq"], noun: LocalizedText(zh: "准考证号", en: "number"))
        guard parts.contains(where: { if case .field("seat", _) = $0 { return true }; if case .field("seq", _) = $0 { return true }; return false }) else {
            throw Failure(zh: "格式中需要 {seat:N} 或 {seq:N}，准考证号才不会重复", en: "the pattern needs {seat:N} or {seq:N} to make numbers unique")
        }
        self.parts = parts
    }

    /// A pattern over other fields than a 准考证号's (a course's 听课证号: `course.code`, `class`, `seq`): it may
    /// use `fields`, each of `padded` needs a width, and `counter` must be there (it makes numbers unique).
    public init(_ text: String, fields: Set<String>, padded: Set<String>, counter: String) throws {
        let parts = try Self.parts(of: text, fields: fields, padded: padded, noun: LocalizedText(zh: "编号", en: "number"))
        guard parts.contains(where: { if case .field(counter, _) = $0 { return true }; return false }) else {
            throw Failure(zh: "格式中需要 {\(counter):N}，编号才不会重复", en: "the pattern needs {\(counter):N} to make numbers unique")
        }
        self.parts = parts
    }

    /// Whether the pattern uses `field`.
    public func uses(_ field: String) -> Bool {
        parts.contains { if case .field(field, _) = $0 { return true }; return false }
    }

    /// The literal characters and fields of `text`, each field one of `fields`, those in `padded` with a width
    /// (`noun`: what the numbers are called in messages).
    private static func parts(of text: String, fields: Set<String>, padded: Set<String>, noun: LocalizedText) throws -> [Part] {
        var parts: [Part] = []
        let (pieces, unclosed) = PlaceholderText.pieces(of: text, open: "{", close: "}")
        for piece in pieces {
            switch piece {
            case .literal(let literal): parts.append(.literal(literal))
            case .placeholder(let inside): parts.append(try Self.field(inside, of: text, fields: fields, padded: padded, noun: noun))
            }
        }
        if unclosed { throw Failure(zh: "“\(text)”中的“{”没有对应的“}”", en: "\"{\" without \"}\" in \(text)") }
        return parts
    }

    /// The field a placeholder's inside (`seat:2`) names, with its width, checked.
    private static func field(_ inside: String, of text: String, fields: Set<String>, padded: Set<String>, noun: LocalizedText) throws -> Part {
        let inner = inside.split(separator: ":", maxSplits: 1).map(String.init)
        guard let name = inner.first, fields.contains(name) else {
            throw Failure(zh: "“\(text)”中有未知的字段“\(inner.first ?? "")”（可用：\(fields.sorted().joined(separator: "、"))）",
                          en: "unknown field \"\(inner.first ?? "")\" in \(text) (known: \(fields.sorted().joined(separator: ", ")))")
        }
        var width: Int?
        if inner.count == 2 {
            guard let w = Int(inner[1]), (1...12).contains(w) else { throw Failure(zh: "“\(text)”中的宽度“\(inner[1])”应为 1–12 的整数", en: "bad width \"\(inner[1])\" in \(text) (a whole number 1-12)") }
            width = w
        }
        if padded.contains(name) && width == nil {
            throw Failure(zh: "{\(name)} 需要指定宽度，使每个\(noun.zh)一样长，如 {\(name):3}",
                          en: "{\(name)} needs a width so every \(noun.en) has the same length, e.g. {\(name):3}")
        }
        return .field(name, width: width)
    }

    /// The number for `values` (field → value); throws when a value is longer than its width.
    public func make(_ values: [String: String]) throws -> String {
        try parts.map { part -> String in
            switch part {
            case .literal(let text): return text
            case .field(let name, let width):
                let value = values[name] ?? ""
                guard let width else { return value }
                guard value.count <= width else {
                    throw Failure(zh: "\(name) 的值“\(value)”超过了格式允许的 \(width) 个字符",
                                  en: "\(name) \"\(value)\" is longer than the \(width) characters the pattern allows")
                }
                return String(repeating: "0", count: width - value.count) + value
            }
        }.joined()
    }
}
