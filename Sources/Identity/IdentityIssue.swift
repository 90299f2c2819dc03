import Support

/// One finding about a document number. `code` is one of `IdentityIssue.Code`'s stable strings.
public struct IdentityIssue: Diagnostic, Equatable {
    /// Stable code such as "id.checksum" (never renamed).
    public let code: String
    public let severity: Severity
    /// Plain-language explanation with the fix, in both languages.
    public let text: LocalizedText

    public init(code: String, severity: Severity, message: LocalizedText) {
        self.code = code
        self.severity = severity
        self.text = message
    }

    public func message(_ language: Language) -> String { text.pick(language) }

    /// The issue codes this module reports.
    public enum Code {
        /// Error: the cell is empty.
        public static let missing = "id.missing"
        /// Error: wrong length or characters for the document kind.
        public static let format = "id.format"
        /// Error: the MOD 11-2 check character does not match.
        public static let checksum = "id.checksum"
        /// Error: impossible birth date, in the future, or before 1900.
        public static let birthDate = "id.birthdate"
        /// Warning: unknown region code, or one not in use between the birth year and today.
        public static let region = "id.region"
        /// Warning: a 15-digit number was converted to its 18-digit form.
        public static let legacy15 = "id.legacy-15"
    }
}
