/// One class (班级) of a course: its name, how many learners it seats, where it meets and its teacher.
public struct CourseClass: Sendable, Equatable {
    public var name: String
    public var seats: Int
    /// Where the class meets (`class.place`); may be blank.
    public var place: String
    /// The class's teacher (`class.teacher`, and a session's teacher when the session names none); may be blank.
    public var teacher: String
    /// 1-based position in the job's list (`{class}` in card numbers).
    public var number: Int
    /// The job file's line that defines it, for messages.
    public var line: Int?
}
