/// Anything kaowu tells a person about their input or its run: every problem (`Problem`) and every error
/// type. It has a stable code (README, "Problem codes"), the facts it points at, and its message, worded
/// only when asked for, in the language of the one who asks (the command line's `--lang`, a web request).
public protocol Diagnostic: Sendable {
    /// Stable code such as `id.checksum` or `job.invalid` (never renamed).
    var code: String { get }
    /// File, line or row, column, key, value, entry — those that apply.
    var facts: DiagnosticFacts { get }
    /// The message in `language`, with the fix where there is one.
    func message(_ language: Language) -> String
}

extension Diagnostic {
    public var facts: DiagnosticFacts { DiagnosticFacts() }
}
