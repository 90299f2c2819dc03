/// One 课次 of a course: a day and time, a topic, its 学时, its teacher, and the classes that attend it.
public struct ClassSession: Sendable, Equatable {
    /// `YYYY-MM-DD`.
    public var date: String
    /// `HH:MM`, the end after the start on the same day.
    public var start: String
    public var end: String
    public var topic: String
    public var hours: StudyHours
    /// The session's teacher; blank when the job names none (the class's teacher is printed then).
    public var teacher: String
    /// Indices of the classes attending it (every class unless the job lists some).
    public var classes: [Int]
    /// The job file's line that defines it, for messages.
    public var line: Int?

    /// `09:00–12:00`.
    public var time: String { "\(start)–\(end)" }

    /// Whether it overlaps `other` in time.
    public func overlaps(_ other: ClassSession) -> Bool {
        date == other.date && start < other.end && other.start < end
    }
}
