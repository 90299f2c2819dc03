internal import CCairo
import Foundation
import Photos

/// A JPEG to place on pages: decoded once for Cairo, with its original bytes attached so the PDF embeds
/// the JPEG as it is (no re-encoding), and a unique ID so an image repeated on many pages is embedded once.
/// Owns its Cairo surface.
public final class JPEGImage: PageImage, @unchecked Sendable {
    /// The decoded picture, when pixels were decoded (previews, CMYK); nil when only the JPEG bytes are kept.
    private let decoded: OpaquePointer?
    /// The one-pixel surface carrying the JPEG bytes, made on first use (`makeSurface`).
    private var standIn: OpaquePointer?
    private let bytes: [UInt8]
    private let id: String
    public let width: Int
    public let height: Int
    public let orientation: ExifOrientation

    /// Reads `bytes`; nil when they are not a JPEG Photos' decoder can read. `id` names the image for
    /// de-duplication in the PDF (e.g. the archive entry). A PDF uses the JPEG bytes themselves, so
    /// `decodePixels: false` skips decoding (faster); a PNG preview needs the pixels. CMYK JPEGs
    /// (Photoshop's inverted Adobe kind too) are decoded to the right RGB colours.
    public init?(_ bytes: [UInt8], id: String, decodePixels: Bool = true) {
        // The orientation comes from the header validation reads too, so what is printed is what was checked.
        var header: ImageHeader?
        if case .header(let h) = bytes.withUnsafeBytes({ ImageHeader.read($0) }), h.format == .jpeg { header = h }
        // Only the size is needed when the PDF takes the bytes as they are: read it from the JPEG's own
        // header (no TurboJPEG handle to set up for every photo of a pack).
        if !decodePixels, let header, !header.isCMYK, header.width > 0, header.height > 0, header.width * header.height <= 40_000_000 {
            self.bytes = bytes
            self.id = id
            width = header.width
            height = header.height
            orientation = header.orientation
            decoded = nil
            return
        }
        // Otherwise the pixels are decoded by Photos' decoder (the one validation uses).
        let cmyk = header?.isCMYK ?? false
        self.id = id
        guard let pixels = bytes.withUnsafeBytes({ ImageDecoder().rgbPixels(ofJPEG: $0) }),
              let surface = JPEGImage.surface(pixels) else { return nil }
        // PDF viewers read CMYK JPEGs without Photoshop's inversion, so those are embedded as decoded RGB.
        self.bytes = cmyk ? [] : bytes
        width = pixels.width
        height = pixels.height
        orientation = header?.orientation ?? .up
        if !cmyk { JPEGImage.attach(CAIRO_MIME_TYPE_JPEG, bytes, to: surface) }
        JPEGImage.attach(CAIRO_MIME_TYPE_UNIQUE_ID, Array(id.utf8), to: surface)
        decoded = surface
    }

    deinit {
        if let decoded { cairo_surface_destroy(decoded) }
        if let standIn { cairo_surface_destroy(standIn) }
    }

    /// The decoded surface or, when only the JPEG bytes are kept, a one-pixel stand-in carrying them, made on
    /// first use and kept (`Canvas.draw` stretches a stand-in to the picture's size). A PDF embeds the JPEG
    /// bytes and places them by the surface's extent, so the page is the same as with a full-size surface.
    /// The stand-in is one pixel because Cairo copies every surface a page being drawn has referred to when
    /// that surface is freed (its snapshot), which was half a megabyte per photo per page. An image is drawn
    /// by one thread at a time.
    public func makeSurface() -> OpaquePointer? {
        if let decoded { return cairo_surface_reference(decoded) }
        if let standIn { return cairo_surface_reference(standIn) }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1) else { return nil }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            return nil
        }
        JPEGImage.attach(CAIRO_MIME_TYPE_JPEG, bytes, to: surface)
        JPEGImage.attach(CAIRO_MIME_TYPE_UNIQUE_ID, Array(id.utf8), to: surface)
        standIn = surface
        return cairo_surface_reference(surface)
    }

    /// A Cairo surface holding `pixels` (BGRX, as Cairo's RGB24 stores them).
    private static func surface(_ pixels: RGBPixels) -> OpaquePointer? {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pixels.width), Int32(pixels.height)) else { return nil }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else {
            cairo_surface_destroy(surface)
            return nil
        }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        pixels.rgb.withUnsafeBufferPointer { rgb in
            for y in 0..<pixels.height {
                for x in 0..<pixels.width {
                    let s = (y * pixels.width + x) * 3, d = y * stride + x * 4
                    data[d] = rgb[s + 2]; data[d + 1] = rgb[s + 1]; data[d + 2] = rgb[s]; data[d + 3] = 255
                }
            }
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }

    /// Attaches a copy of `data` to `surface` as Cairo mime data of `type` (Cairo frees the copy with the surface).
    static func attach(_ type: String, _ data: [UInt8], to surface: OpaquePointer) {
        let copy = UnsafeMutableRawPointer.allocate(byteCount: max(data.count, 1), alignment: 1)
        data.withUnsafeBytes { if let base = $0.baseAddress { copy.copyMemory(from: base, byteCount: data.count) } }
        cairo_surface_set_mime_data(surface, type, copy.assumingMemoryBound(to: UInt8.self), UInt(data.count),
                                    { $0?.deallocate() }, copy)
    }
}
