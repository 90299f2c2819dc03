import Support

/// What a finished course pack holds, for the closing summary.
public struct CourseResult: Sendable {
    public var folder: String
    public var zip: String
    public var rows: Int
    /// Learners placed in a class.
    public var enrolled: Int
    /// Classes with learners, and sessions in all.
    public var classes: Int
    public var sessions: Int
    public var pages: Int
    public var files: Int
    public var errors: Int
    public var warnings: Int
    public var seconds: Double
    /// The pack's problems (validation and placing), as in report.json.
    public var problems: [Problem]
}
