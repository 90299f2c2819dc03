/// Where one registration is sat: the room and seat, in its session.
public struct SeatAssignment: Sendable, Equatable {
    /// Index into the candidates given to the planner.
    public var candidate: Int
    /// Index into that candidate's `subjects`.
    public var registration: Int
    /// Index into the rooms given to the planner.
    public var room: Int
    /// 1-based seat number.
    public var seat: Int
    /// Index into the sessions; nil when the exam has none.
    public var session: Int?
}
