internal import CCairo

/// A colour as 0xRRGGBB.
public struct Colour: Sendable, Hashable {
    public let rgb: UInt32
    public init(_ rgb: UInt32) { self.rgb = rgb }
    public static let black = Colour(0x000000)
    public static let white = Colour(0xFFFFFF)

    func apply(to context: OpaquePointer) {
        cairo_set_source_rgb(context, Double((rgb >> 16) & 0xFF) / 255, Double((rgb >> 8) & 0xFF) / 255, Double(rgb & 0xFF) / 255)
    }
}
