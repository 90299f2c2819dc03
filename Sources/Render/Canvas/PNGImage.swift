internal import CCairo
import Foundation
import Photos

/// A PNG (seals and logos, with transparency) loaded by Cairo; owns its surface.
public final class PNGImage: PageImage, @unchecked Sendable {
    private let surface: OpaquePointer
    public let width: Int
    public let height: Int
    public let orientation: ExifOrientation

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

    deinit { cairo_surface_destroy(surface) }

    public func makeSurface() -> OpaquePointer? { cairo_surface_reference(surface) }
}
