/// A correction for a printer that does not print where it is told: everything drawn is moved `x` mm to the
/// right and `y` mm down (negative: left, up), on every page, front and back alike.
public struct PrintOffset: Sendable, Equatable {
    public var x: Double
    public var y: Double

    /// The largest shift either way, mm: a printer off by more needs repair, not an offset.
    public static let limit = 20.0

    public init(x: Double = 0, y: Double = 0) {
        self.x = x
        self.y = y
    }

    /// Whether both shifts are within ±`limit`.
    public var isWithinLimit: Bool { abs(x) <= Self.limit && abs(y) <= Self.limit }

    public var isZero: Bool { x == 0 && y == 0 }
}

extension Canvas {
    /// Runs `body` with everything it draws moved by `offset` (nothing changes when it is zero).
    public func shifted(by offset: PrintOffset, _ body: () -> Void) {
        if offset.isZero { body() } else { withOrigin(x: offset.x, y: offset.y, body) }
    }
}
