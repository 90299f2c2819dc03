import Support

/// A certificate job that cannot go on (the batch changed, an approval is missing, the key folder is
/// unusable, …): a stable code and its text in both languages.
public struct CertifyFailure: Error, Diagnostic, Sendable {
    public var code: String
    public var text: LocalizedText
    /// Whether the input is at fault (exit 1) rather than the command's use or a file (exit 2).
    public var isInputProblem: Bool

    public init(code: String, zh: String, en: String, isInputProblem: Bool = true) {
        self.code = code
        text = LocalizedText(zh: zh, en: en)
        self.isInputProblem = isInputProblem
    }

    public func message(_ language: Language) -> String { language.pick(text.zh, text.en) }

    public static let batchUnreadable = "certify.batch-unreadable"
    public static let batchChanged = "certify.batch-changed"
    public static let approvalMissing = "certify.approval-missing"
    public static let approvalInvalid = "certify.approval-invalid"
    public static let nothingToCertify = "certify.nothing-to-certify"
    public static let outputForeign = "certify.output-foreign"
    public static let outputUnusable = "certify.output-unusable"
    public static let qrTooSmall = "certify.qr-too-small"
}
