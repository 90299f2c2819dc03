/// Background colours of Chinese ID photos.
public enum BackgroundColour: String, Sendable, CaseIterable { case red, blue, white, other }

/// The background of a photo, measured on its border: the left and right strips of the upper 60 % (the
/// shoulders fill the bottom) and the top strip.
public struct BackgroundReading: Sendable, Equatable {
    public let colour: BackgroundColour
    /// Mean border colour, 0–255.
    public let red: Int
    public let green: Int
    public let blue: Int
    /// Whether the border is one even colour (a plain backdrop).
    public let uniform: Bool

    /// Measures `rgb` (3 bytes a pixel, rows of `width`).
    public static func measure(rgb: [UInt8], width: Int, height: Int) -> BackgroundReading {
        let side = max(1, width * 6 / 100), top = max(1, height * 5 / 100), upper = max(1, height * 60 / 100)
        var sum = (0, 0, 0), squares = (0, 0, 0), n = 0
        func add(_ x: Int, _ y: Int) {
            let i = (y * width + x) * 3
            let r = Int(rgb[i]), g = Int(rgb[i + 1]), b = Int(rgb[i + 2])
            sum.0 += r; sum.1 += g; sum.2 += b
            squares.0 += r * r; squares.1 += g * g; squares.2 += b * b
            n += 1
        }
        for y in 0..<min(upper, height) {
            for x in 0..<min(side, width) { add(x, y); add(width - 1 - x, y) }
        }
        for y in 0..<min(top, height) {
            for x in side..<max(side, width - side) { add(x, y) }
        }
        guard n > 0 else { return BackgroundReading(colour: .other, red: 0, green: 0, blue: 0, uniform: false) }
        let r = sum.0 / n, g = sum.1 / n, b = sum.2 / n
        let variance = max(squares.0 / n - r * r, squares.1 / n - g * g, squares.2 / n - b * b)
        let colour: BackgroundColour
        if min(r, g, b) > 200 && max(r, g, b) - min(r, g, b) < 35 {
            colour = .white
        } else if r > 140 && r > g + 60 && r > b + 60 {
            colour = .red
        } else if b > 120 && b > r + 40 && b + 20 >= g {
            colour = .blue
        } else {
            colour = .other
        }
        return BackgroundReading(colour: colour, red: r, green: g, blue: b, uniform: variance < 25 * 25)
    }
}
