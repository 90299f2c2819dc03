/// A picture decoded to packed 8-bit RGB (3 bytes a pixel, rows without padding), as stored (EXIF
/// orientation not applied).
public struct RGBPixels: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public let rgb: [UInt8]
}
