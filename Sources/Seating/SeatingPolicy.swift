/// How to seat: order, numbering, and whether candidates of one school must not sit side by side.
public struct SeatingPolicy: Sendable {
    public var order: SeatOrder = .roster
    public var numbering: SeatNumbering = .snake
    public var separateSchools = true
    public init() {}
}
