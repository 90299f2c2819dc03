/// A registration as an earlier plan knows it (`--keep`): the person's document number and the subject's
/// key (`SeatingPlanner.normalize`).
public struct RegistrationKey: Sendable, Hashable {
    public var person: String
    public var subject: String

    public init(person: String, subject: String) {
        self.person = person
        self.subject = SeatingPlanner.normalize(subject)
    }
}
