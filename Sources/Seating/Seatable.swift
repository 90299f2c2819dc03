import Validation

/// What the planner needs of someone to seat: the key they are known by (their document number), their
/// school (kept apart from each other) and their subject (which session and mode they sit).
public protocol Seatable: Sendable {
    var key: String { get }
    var school: String { get }
    var subject: String { get }
}

/// A validated candidate is seated as it is.
extension Candidate: Seatable {}
