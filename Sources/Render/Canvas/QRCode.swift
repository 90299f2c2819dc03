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
}

extension Canvas {
    /// Draws `code` in a square of `side` mm at (`x`, `y`), keeping a quiet zone of `quietZone` modules inside
    /// the square, dark modules in `colour`: a 1-bit image of one pixel per module, painted as a stencil mask
    /// scaled without smoothing, so a PDF holds it as `/ImageMask true /Interpolate false` (a few hundred
    /// bytes, no path to write) and every renderer and printer draws square, crisp modules of exactly
    /// `side / (size + 2 × quietZone)`.
    public func draw(_ code: QRCode, x: Double, y: Double, side: Double, quietZone: Int = 4, colour: Colour = .black) {
        let size = code.size
        guard size > 0, let mask = cairo_image_surface_create(CAIRO_FORMAT_A1, Int32(size), Int32(size)) else { return }
        defer { cairo_surface_destroy(mask) }
        guard cairo_surface_status(mask) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(mask) else { return }
        cairo_surface_flush(mask)
        let stride = Int(cairo_image_surface_get_stride(mask))
        data.initialize(repeating: 0, count: stride * size)
        // A1 packs pixels into 32-bit words in the platform's byte order: the first pixel is the word's lowest bit
        // on a little-endian machine, its highest on a big-endian one.
        let words = UnsafeMutableRawPointer(data)
        for row in 0..<size {
            for column in 0..<size where code[column, row] {
                let offset = row * stride + (column / 32) * 4
                let bit: UInt32 = UInt32(1).littleEndian == 1 ? 1 << UInt32(column % 32) : 0x8000_0000 >> UInt32(column % 32)
                let word = words.load(fromByteOffset: offset, as: UInt32.self)
                words.storeBytes(of: word | bit, toByteOffset: offset, as: UInt32.self)
            }
        }
        cairo_surface_mark_dirty(mask)
        withSavedState {
            let module = Units.points(side) / Double(size + 2 * quietZone)
            cairo_translate(context, Units.points(x) + Double(quietZone) * module, Units.points(y) + Double(quietZone) * module)
            cairo_scale(context, module, module)
            colour.apply(to: context)
            guard let pattern = cairo_pattern_create_for_surface(mask) else { return }
            defer { cairo_pattern_destroy(pattern) }
            cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST)
            cairo_mask(context, pattern)
        }
    }
}
