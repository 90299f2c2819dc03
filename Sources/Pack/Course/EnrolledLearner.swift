/// A learner placed in a class: their roster row, class, place in the class's list and 听课证号.
struct EnrolledLearner: Sendable {
    /// Index into `CoursePlan.candidates`.
    var candidate: Int
    /// Index into the job's classes.
    var classIndex: Int
    /// 1-based position in the class's list (the `{seq}` of the card number when the pattern has `{class}`).
    var seq: Int
    var cardNumber: String
}
