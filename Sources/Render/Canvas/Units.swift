/// Millimetres to PDF points (1 pt = 1/72 inch): templates are written in millimetres, Cairo draws in points.
public enum Units {
    public static let pointsPerMillimetre = 72.0 / 25.4
    @inlinable public static func points(_ mm: Double) -> Double { mm * pointsPerMillimetre }
}
