import Support

/// The plan: every seated registration's room and seat in its session, the registrations that could not be
/// seated (no session takes their subject, or their session overlaps another of the candidate's), and the
/// same-school neighbours that could not be avoided.
public struct SeatingPlan: Sendable {
    public var assignments: [SeatAssignment] = []
    public var withoutSession: [RegistrationIndex] = []
    public var overlaps: [SeatingOverlap] = []
    public var conflicts: [SeatingConflict] = []
}
