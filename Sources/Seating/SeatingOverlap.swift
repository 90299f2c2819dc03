/// A registration not seated because its session overlaps in time with another session the same candidate sits.
public struct SeatingOverlap: Sendable, Equatable {
    public var candidate: Int
    /// The registration left out.
    public var registration: Int
    /// The registration it clashes with (seated).
    public var other: Int
    public var session: Int
    public var otherSession: Int
}
