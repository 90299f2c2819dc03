import CCairo
import CQRencode

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
}

extension Canvas {
    /// Draws `code` as one vector path in a square of `side` mm at (`x`, `y`), keeping a quiet zone of
    /// `quietZone` modules inside the square, dark modules in `colour`.
    public func draw(_ code: QRCode, x: Double, y: Double, side: Double, quietZone: Int = 4, colour: Colour = .black) {
        withSavedState {
            let count = Double(code.size + 2 * quietZone)
            let module = Units.points(side) / count
            let originX = Units.points(x) + Double(quietZone) * module
            let originY = Units.points(y) + Double(quietZone) * module
            cairo_new_path(context)
            for row in 0..<code.size {
                var column = 0
                while column < code.size {
                    guard code[column, row] else { column += 1; continue }
                    let start = column
                    while column < code.size && code[column, row] { column += 1 }
                    cairo_rectangle(context, originX + Double(start) * module, originY + Double(row) * module,
                                    Double(column - start) * module, module)
                }
            }
            colour.apply(to: context)
            cairo_fill(context)
        }
    }
}
