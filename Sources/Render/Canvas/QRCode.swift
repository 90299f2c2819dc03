internal import CCairo
internal import CQRencode

/// A QR code symbol made by libqrencode: its modules as a square matrix (true = dark).
public struct QRCode: Sendable, Equatable {
    /// Error-correction level: L 7 %, M 15 %, Q 25 %, H 30 % of the symbol may be lost.
    public enum Level: String, Sendable { case L, M, Q, H }

    public let version: Int
    public let size: Int
    public let modules: [Bool]

    /// Encodes `text` (UTF-8; upper-case alphanumeric text gets the compact alphanumeric mode).
    public init?(_ text: String, level: Level = .M) {
        let ecLevel: QRecLevel
        switch level {
        case .L: ecLevel = QR_ECLEVEL_L
        case .M: ecLevel = QR_ECLEVEL_M
        case .Q: ecLevel = QR_ECLEVEL_Q
        case .H: ecLevel = QR_ECLEVEL_H
        }
        guard !text.isEmpty, let code = QRcode_encodeString(text, 0, ecLevel, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        version = Int(code.pointee.version)
        size = width
        modules = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
    }

    /// Whether the module at column `x`, row `y` is dark.
    public subscript(x: Int, y: Int) -> Bool { modules[y * size + x] }

    /// The dark modules as few rectangles (in modules): horizontal runs, each extended down over the rows
    /// that repeat it exactly. Fewer path elements make smaller, faster PDFs.
    public func rectangles() -> [(x: Int, y: Int, width: Int, height: Int)] {
        var runsByRow: [Set<Int>] = []         // run start * 1000 + end, per row
        var runs: [[(Int, Int)]] = []
        for y in 0..<size {
            var row: [(Int, Int)] = []
            var x = 0
            while x < size {
                guard self[x, y] else { x += 1; continue }
                let start = x
                while x < size && self[x, y] { x += 1 }
                row.append((start, x))
            }
            runs.append(row)
            runsByRow.append(Set(row.map { $0.0 * 1000 + $0.1 }))
        }
        var result: [(x: Int, y: Int, width: Int, height: Int)] = []
        for y in 0..<size {
            for (start, end) in runs[y] {
                let key = start * 1000 + end
                guard runsByRow[y].contains(key) else { continue }       // already merged into a run above
                var height = 1
                while y + height < size, runsByRow[y + height].contains(key) {
                    runsByRow[y + height].remove(key)
                    height += 1
                }
                result.append((start, y, end - start, height))
            }
        }
        return result
    }
}

extension Canvas {
    /// Draws `code` as one vector path in a square of `side` mm at (`x`, `y`), keeping a quiet zone of
    /// `quietZone` modules inside the square, dark modules in `colour`.
    public func draw(_ code: QRCode, x: Double, y: Double, side: Double, quietZone: Int = 4, colour: Colour = .black) {
        withSavedState {
            // Drawn in module units (integers), so the PDF holds short whole numbers.
            let count = Double(code.size + 2 * quietZone)
            let module = Units.points(side) / count
            cairo_translate(context, Units.points(x) + Double(quietZone) * module, Units.points(y) + Double(quietZone) * module)
            cairo_scale(context, module, module)
            cairo_new_path(context)
            for r in code.rectangles() {
                cairo_rectangle(context, Double(r.x), Double(r.y), Double(r.width), Double(r.height))
            }
            colour.apply(to: context)
            cairo_fill(context)
        }
    }
}
