/// A sitting of one subject: candidates whose 报考科目 is `subject` sit it in rooms of type `mode`.
public struct ExamSession: Sendable, Equatable {
    public var subject: String
    public var code: String
    public var mode: String
    public var start: String
    public var end: String

    public init(subject: String, code: String = "", mode: String, start: String = "", end: String = "") {
        self.subject = subject
        self.code = code
        self.mode = mode
        self.start = start
        self.end = end
    }
}
