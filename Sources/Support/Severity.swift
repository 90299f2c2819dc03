/// How serious a problem is: an error keeps the row (or photo) from being printed; a warning is shown
/// and does not.
public enum Severity: String, Sendable, Codable, Comparable {
    case error, warning
    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
}
