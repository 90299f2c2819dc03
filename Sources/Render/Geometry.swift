/// Millimetres to PDF points (1 pt = 1/72 inch): templates are written in millimetres, Cairo draws in points.
public enum Units {
    public static let pointsPerMillimetre = 72.0 / 25.4
    @inlinable public static func points(_ mm: Double) -> Double { mm * pointsPerMillimetre }
}

/// A rectangle on the page in millimetres, origin at the top left.
public struct Box: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
