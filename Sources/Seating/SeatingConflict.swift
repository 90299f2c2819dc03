/// Two candidates of one school who had to sit next to each other in one session (no arrangement avoided it).
public struct SeatingConflict: Sendable, Equatable {
    public var room: Int
    public var session: Int?
    public var seat: Int
    public var neighbourSeat: Int
    public var school: String
}
