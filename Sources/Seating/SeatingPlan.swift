import Support

/// The plan: every seated candidate's room and seat, candidates who could not be seated because no session
/// takes their subject, and the same-school neighbours that could not be avoided.
public struct SeatingPlan: Sendable {
    public var assignments: [SeatAssignment] = []
    public var withoutSession: [Int] = []
    public var conflicts: [SeatingConflict] = []
}
