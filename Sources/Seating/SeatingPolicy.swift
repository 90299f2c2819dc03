/// How to seat: order, numbering, whether candidates of one school must not sit side by side, and whether a
/// candidate sitting several sessions keeps their room and seat where the room serves those sessions too.
public struct SeatingPolicy: Sendable {
    public var order: SeatOrder = .roster
    public var numbering: SeatNumbering = .snake
    public var separateSchools = true
    /// `seating.same-seat: prefer`.
    public var preferSameSeat = false
    public init() {}
}
