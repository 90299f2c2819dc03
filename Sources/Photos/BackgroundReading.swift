

/// The background of a photo, measured on its border: its mean colour, how even it is, and its class.
///
/// The border is the top strip (5 % of the height, full width) plus the left and right strips (6 % of
/// the width each) down to 60 % of the height: the head and shoulders of the person stay clear of it.
/// Top, sides and height are those of the picture as shown (after its EXIF orientation).
public struct BackgroundReading: Sendable, Equatable {
    /// Class of the mean colour (see `BackgroundColour.classify`).
    public let colour: BackgroundColour
    /// Mean border red, 0–255.
    public let red: Int
    /// Mean border green, 0–255.
    public let green: Int
    /// Mean border blue, 0–255.
    public let blue: Int
    /// Largest per-channel standard deviation over the border, 0–255 scale, rounded.
    public let spread: Int
    /// The border is a plain, even colour: `spread` ≤ `BackgroundReading.uniformSpreadLimit`.
    public let uniform: Bool

    /// Largest `spread` still counted as a plain backdrop (JPEG noise and soft lighting stay well below).
    public static let uniformSpreadLimit = 20

    /// A reading as given; `measure` is the usual way to get one.
    public init(colour: BackgroundColour, red: Int, green: Int, blue: Int, spread: Int, uniform: Bool) {
        self.colour = colour
        self.red = red
        self.green = green
        self.blue = blue
        self.spread = spread
        self.uniform = uniform
    }

    /// Measures the border of packed 8-bit RGB pixels stored `storedWidth` × `storedHeight`, rows
    /// `rowBytes` apart (at least `storedWidth * 3`), as the picture is shown after `orientation`. Large
    /// images are sampled on a grid (at most about 128 samples across the short side).
    public static func measure(rgb: UnsafeRawBufferPointer, width storedWidth: Int, height storedHeight: Int, rowBytes: Int,
                               orientation: ExifOrientation = .up) -> BackgroundReading {
        precondition(storedWidth > 0 && storedHeight > 0 && rowBytes >= storedWidth * 3
                     && rgb.count >= rowBytes * (storedHeight - 1) + storedWidth * 3,
                     "pixel buffer smaller than its stated size")
        let (width, height) = orientation.displayed(width: storedWidth, height: storedHeight)
        let topRows = max(1, (height * 5 + 50) / 100)
        let sideColumns = max(1, min((width + 1) / 2, (width * 6 + 50) / 100))
        let sideEnd = (height * 60) / 100
        let step = max(1, min(width, height) / 128)

        var sum = (0, 0, 0), squares = (0, 0, 0), count = 0
        func add(_ x: Int, _ y: Int) {
            let stored = orientation.storedPixel(x: x, y: y, width: storedWidth, height: storedHeight)
            let o = stored.y * rowBytes + stored.x * 3
            let r = Int(rgb[o]), g = Int(rgb[o + 1]), b = Int(rgb[o + 2])
            sum.0 += r; sum.1 += g; sum.2 += b
            squares.0 += r * r; squares.1 += g * g; squares.2 += b * b
            count += 1
        }
        for y in stride(from: 0, to: topRows, by: step) {
            for x in stride(from: 0, to: width, by: step) { add(x, y) }
        }
        for y in stride(from: topRows, to: sideEnd, by: step) {
            for x in stride(from: 0, to: sideColumns, by: step) { add(x, y); add(width - 1 - x, y) }
        }
        let n = Double(count)
        func mean(_ s: Int) -> Double { Double(s) / n }
        func deviation(_ s: Int, _ q: Int) -> Double { max(0, Double(q) / n - mean(s) * mean(s)).squareRoot() }
        let r = Int(mean(sum.0).rounded()), g = Int(mean(sum.1).rounded()), b = Int(mean(sum.2).rounded())
        let spread = Int(max(deviation(sum.0, squares.0), deviation(sum.1, squares.1), deviation(sum.2, squares.2)).rounded())
        return BackgroundReading(colour: BackgroundColour.classify(red: r, green: g, blue: b), red: r, green: g, blue: b,
                                 spread: spread, uniform: spread <= uniformSpreadLimit)
    }

    /// `measure` on pixels held in an array (3 bytes a pixel, rows of `width`, as stored).
    public static func measure(rgb: [UInt8], width: Int, height: Int, orientation: ExifOrientation = .up) -> BackgroundReading {
        rgb.withUnsafeBytes { measure(rgb: $0, width: width, height: height, rowBytes: width * 3, orientation: orientation) }
    }
}
