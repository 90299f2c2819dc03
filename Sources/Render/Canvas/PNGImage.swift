internal import CCairo
import Foundation
import Photos

/// A PNG (seals and logos, with transparency) loaded by Cairo; owns its surface.
public final class PNGImage: PageImage, @unchecked Sendable {
    private let surface: OpaquePointer
    public let width: Int
    public let height: Int
    public let orientation: ExifOrientation
    /// The alpha channel as an A8 surface, made when first asked for (`coverage()`).
    private var alpha: OpaquePointer?
    private let alphaLock = NSLock()

    /// Takes ownership of a surface Cairo made from a PNG; nil (and the surface freed) when Cairo failed.
    /// `orientation` comes from the PNG's eXIf chunk, when it has one.
    private init?(loaded surface: OpaquePointer?, orientation: ExifOrientation) {
        guard let surface else { return nil }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            return nil
        }
        self.surface = surface
        self.orientation = orientation
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
    }

    /// Loads the PNG file at `path`; nil when it is missing or not a PNG.
    public convenience init?(path: String) {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else { return nil }
        self.init(bytes: [UInt8](data))
    }

    /// Decodes PNG `bytes` (a photo from an archive); nil when they are not a readable PNG.
    public convenience init?(bytes: [UInt8]) {
        final class Reader { var bytes: [UInt8]; var offset = 0; init(_ b: [UInt8]) { bytes = b } }
        let reader = Reader(bytes)
        let box = Unmanaged.passRetained(reader)
        defer { box.release() }
        let orientation = PNGImage.orientation(of: bytes)
        self.init(loaded: cairo_image_surface_create_from_png_stream({ closure, data, length in
            let reader = Unmanaged<Reader>.fromOpaque(closure!).takeUnretainedValue()
            let n = Int(length)
            guard reader.offset + n <= reader.bytes.count, let data else { return CAIRO_STATUS_READ_ERROR }
            reader.bytes.withUnsafeBufferPointer { data.update(from: $0.baseAddress! + reader.offset, count: n) }
            reader.offset += n
            return CAIRO_STATUS_SUCCESS
        }, box.toOpaque()), orientation: orientation)
    }

    /// The orientation in the PNG's eXIf chunk, read as validation reads it; `.up` without one.
    private static func orientation(of bytes: [UInt8]) -> ExifOrientation {
        if case .header(let header) = bytes.withUnsafeBytes({ ImageHeader.read($0) }), header.format == .png { return header.orientation }
        return .up
    }

    deinit {
        cairo_surface_destroy(surface)
        if let alpha { cairo_surface_destroy(alpha) }
    }

    public func makeSurface() -> OpaquePointer? { cairo_surface_reference(surface) }

    /// The PNG's alpha as an A8 surface (made once, so a document that draws it on many pages embeds it once).
    public func coverage() -> OpaquePointer? {
        alphaLock.lock()
        defer { alphaLock.unlock() }
        if alpha == nil {
            guard cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32,
                  let mask = cairo_image_surface_create(CAIRO_FORMAT_A8, Int32(width), Int32(height)) else { return nil }
            guard cairo_surface_status(mask) == CAIRO_STATUS_SUCCESS, let source = cairo_image_surface_get_data(surface),
                  let target = cairo_image_surface_get_data(mask) else {
                cairo_surface_destroy(mask)
                return nil
            }
            cairo_surface_flush(surface)
            cairo_surface_flush(mask)
            let sourceStride = Int(cairo_image_surface_get_stride(surface)), targetStride = Int(cairo_image_surface_get_stride(mask))
            for y in 0..<height {
                let row = UnsafeRawPointer(source + y * sourceStride)
                for x in 0..<width { target[y * targetStride + x] = UInt8(truncatingIfNeeded: row.load(fromByteOffset: 4 * x, as: UInt32.self) >> 24) }
            }
            cairo_surface_mark_dirty(mask)
            alpha = mask
        }
        return alpha.map { cairo_surface_reference($0) }
    }
}
