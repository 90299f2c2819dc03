/// Where one candidate sits.
public struct SeatAssignment: Sendable, Equatable {
    /// Index into the candidates given to the planner.
    public var candidate: Int
    /// Index into the rooms given to the planner.
    public var room: Int
    /// 1-based seat number.
    public var seat: Int
    public var session: Int?
}
