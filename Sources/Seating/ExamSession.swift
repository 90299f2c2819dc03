/// A sitting of one subject in a time slot: candidates whose 报考科目 is `subject` sit it in rooms of type `mode`.
public struct ExamSession: Sendable, Equatable {
    public var subject: String
    public var code: String
    public var mode: String
    /// `YYYY-MM-DD HH:MM`.
    public var start: String
    /// `YYYY-MM-DD HH:MM`.
    public var end: String

    public init(subject: String, code: String = "", mode: String, start: String = "", end: String = "") {
        self.subject = subject
        self.code = code
        self.mode = mode
        self.start = start
        self.end = end
    }

    /// Whether the two time slots share any minute (one ending when the other starts does not).
    public func overlaps(_ other: ExamSession) -> Bool {
        guard !start.isEmpty, !end.isEmpty, !other.start.isEmpty, !other.end.isEmpty else { return false }
        return start < other.end && other.start < end
    }
}
