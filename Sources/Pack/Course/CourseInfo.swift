/// What a course job says about the course (`course:`): printed on every card and sign-in sheet.
public struct CourseInfo: Sendable {
    /// 培训班名称 (`course.name` on the card), as written.
    public var title: String
    /// Feeds card numbers (`{course.code}`).
    public var code: String
    /// Where the course is held (`course.place`); may be blank.
    public var place: String
}
