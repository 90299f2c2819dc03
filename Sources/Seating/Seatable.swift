import Validation

/// What the planner needs of someone to seat: the key they are known by (their document number), their
/// school (kept apart from each other) and the subjects they registered for (which sessions they sit).
public protocol Seatable: Sendable {
    var key: String { get }
    var school: String { get }
    /// One entry per registration, in the candidate's order (`SeatAssignment.registration` indexes it).
    var subjects: [String] { get }
}

/// A validated candidate is seated as it is: one seat per registration.
extension Candidate: Seatable {
    public var subjects: [String] { registrations.map(\.subject) }
}
