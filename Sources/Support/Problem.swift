

/// One thing wrong with the input, located precisely enough for a person to fix it: the spreadsheet row
/// (header = row 1) and column letter, or the archive entry of a photo. See design §3. Its message is kept
/// in both languages and picked when the report is written (`message(_:)`; JSON: `languageKey`).
public struct Problem: Diagnostic, Encodable, Equatable {
    public var severity: Severity
    /// Stable code such as `id.checksum` (never renamed; see `ProblemCode`).
    public var code: String
    /// Spreadsheet row a person sees, when the problem belongs to a row.
    public var row: Int?
    /// Column letter (`C`) of the cell, when the problem belongs to one.
    public var column: String?
    /// Field name (`id`, `name`, …) of that column.
    public var field: String?
    /// The offending value as read.
    public var value: String?
    /// Archive entry name, for photo and archive problems.
    public var entry: String?
    /// Plain-language explanation with the fix, in both languages.
    public var text: LocalizedText

    public init(_ severity: Severity, _ code: String, row: Int? = nil, column: String? = nil, field: String? = nil,
                value: String? = nil, entry: String? = nil, message: LocalizedText) {
        self.severity = severity
        self.code = code
        self.row = row
        self.column = column
        self.field = field
        self.value = value
        self.entry = entry
        self.text = message
    }

    public func message(_ language: Language) -> String { text.pick(language) }

    public var facts: DiagnosticFacts {
        DiagnosticFacts(row: row, column: column, field: field, value: value, entry: entry)
    }

    /// The encoder's `userInfo` key for the language of `message` in JSON (Chinese when not set).
    public static let languageKey = CodingUserInfoKey(rawValue: "kaowu.language")!

    enum CodingKeys: String, CodingKey { case severity, code, row, column, field, value, entry, message }

    /// The design §3 fields, `message` in the language under `languageKey`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(code, forKey: .code)
        try c.encodeIfPresent(row, forKey: .row)
        try c.encodeIfPresent(column, forKey: .column)
        try c.encodeIfPresent(field, forKey: .field)
        try c.encodeIfPresent(value, forKey: .value)
        try c.encodeIfPresent(entry, forKey: .entry)
        try c.encode(message(encoder.userInfo[Self.languageKey] as? Language ?? .zh), forKey: .message)
    }
}

/// Converts a zero-based column index to its spreadsheet letters (0 → A, 26 → AA).
public func columnLetters(_ index: Int) -> String {
    var n = index + 1
    var letters: [Character] = []
    while n > 0 {
        let r = (n - 1) % 26
        letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
        n = (n - 1) / 26
    }
    return String(letters.reversed())
}
