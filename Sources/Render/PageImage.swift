internal import CCairo
import Foundation
import Photos

/// A picture that can be placed on a page: a Cairo image surface it owns, and its size in pixels.
public protocol PageImage: AnyObject {
    /// A Cairo surface to paint, with one reference for the caller (who destroys it).
    func makeSurface() -> OpaquePointer?
    /// Size in pixels as stored.
    var width: Int { get }
    var height: Int { get }
    /// How the stored pixels are turned or mirrored to be shown (read by `ImageHeader`, as validation does).
    var orientation: ExifOrientation { get }
}

/// A JPEG to place on pages: decoded once for Cairo, with its original bytes attached so the PDF embeds
/// the JPEG as it is (no re-encoding), and a unique ID so an image repeated on many pages is embedded once.
/// Owns its Cairo surface.
public final class JPEGImage: PageImage, @unchecked Sendable {
    /// The decoded picture, when pixels were decoded (previews, CMYK); nil when only the JPEG bytes are kept.
    private let decoded: OpaquePointer?
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
        if !cmyk { JPEGImage.attach(CAIRO_MIME_TYPE_JPEG, Data(bytes), to: surface) }
        JPEGImage.attach(CAIRO_MIME_TYPE_UNIQUE_ID, Data(id.utf8), to: surface)
        decoded = surface
    }

    deinit { if let decoded { cairo_surface_destroy(decoded) } }

    /// The decoded surface, or a blank one of the right size carrying the JPEG bytes (all a PDF needs):
    /// made per use, so thousands of photos do not hold their pixels in memory.
    public func makeSurface() -> OpaquePointer? {
        if let decoded { return cairo_surface_reference(decoded) }
        // The pixels are never read (the PDF takes the JPEG bytes): all blank surfaces of one size share one
        // zeroed buffer instead of clearing half a megabyte per photo per page.
        let stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, Int32(width))
        guard let pixels = BlankPixels.shared.buffer(bytes: Int(stride) * height),
              let surface = cairo_image_surface_create_for_data(pixels, CAIRO_FORMAT_RGB24, Int32(width), Int32(height), stride) else { return nil }
        JPEGImage.attach(CAIRO_MIME_TYPE_JPEG, Data(bytes), to: surface)
        JPEGImage.attach(CAIRO_MIME_TYPE_UNIQUE_ID, Data(id.utf8), to: surface)
        return surface
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

    private static func attach(_ type: String, _ data: Data, to surface: OpaquePointer) {
        let copy = UnsafeMutableRawPointer.allocate(byteCount: max(data.count, 1), alignment: 1)
        data.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: data.count) }
        cairo_surface_set_mime_data(surface, type, copy.assumingMemoryBound(to: UInt8.self), UInt(data.count),
                                    { $0?.deallocate() }, copy)
    }
}

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

extension Canvas {
    /// Draws `image` fitted into `box` without distortion (centred; the box is the true printed size).
    /// EXIF orientation is honoured: the picture is drawn as shown (the size validation checked), turned
    /// by the drawing's transform, so a JPEG's bytes are still embedded as they are.
    public func draw(_ image: PageImage, in box: Box) {
        withSavedState {
            let shown = image.orientation.displayed(width: image.width, height: image.height)
            let uprightWidth = Double(shown.width), uprightHeight = Double(shown.height)
            let scale = min(Units.points(box.width) / uprightWidth, Units.points(box.height) / uprightHeight)
            let drawnWidth = uprightWidth * scale, drawnHeight = uprightHeight * scale
            let x = Units.points(box.x) + (Units.points(box.width) - drawnWidth) / 2
            let y = Units.points(box.y) + (Units.points(box.height) - drawnHeight) / 2
            cairo_translate(context, x, y)
            cairo_scale(context, scale, scale)
            // Map the stored picture onto the upright uprightWidth × uprightHeight rectangle.
            let t = image.orientation.displayTransform(width: Double(image.width), height: Double(image.height))
            var m = cairo_matrix_t()
            cairo_matrix_init(&m, t.xx, t.yx, t.xy, t.yy, t.x0, t.y0)
            cairo_transform(context, &m)
            guard let surface = image.makeSurface() else { return }
            defer { cairo_surface_destroy(surface) }
            cairo_set_source_surface(context, surface, 0, 0)
            cairo_paint(context)
        }
    }

    /// Fills `box` with `colour`.
    public func fill(_ box: Box, colour: Colour) {
        withSavedState {
            cairo_rectangle(context, Units.points(box.x), Units.points(box.y), Units.points(box.width), Units.points(box.height))
            colour.apply(to: context)
            cairo_fill(context)
        }
    }

    /// Strokes the outline of `box` with a line `width` mm wide.
    public func stroke(_ box: Box, width: Double = 0.3, colour: Colour = .black) {
        withSavedState {
            cairo_rectangle(context, Units.points(box.x), Units.points(box.y), Units.points(box.width), Units.points(box.height))
            cairo_set_line_width(context, Units.points(width))
            colour.apply(to: context)
            cairo_stroke(context)
        }
    }

    /// Strokes the outlines of all `boxes` as one path (a table's cells), lines `width` mm wide.
    public func stroke(_ boxes: [Box], width: Double = 0.3, colour: Colour = .black) {
        guard !boxes.isEmpty else { return }
        withSavedState {
            for box in boxes {
                cairo_rectangle(context, Units.points(box.x), Units.points(box.y), Units.points(box.width), Units.points(box.height))
            }
            cairo_set_line_width(context, Units.points(width))
            colour.apply(to: context)
            cairo_stroke(context)
        }
    }

    /// Draws a straight line from (`x1`, `y1`) to (`x2`, `y2`) in mm.
    public func line(from x1: Double, _ y1: Double, to x2: Double, _ y2: Double, width: Double = 0.3, colour: Colour = .black) {
        withSavedState {
            cairo_move_to(context, Units.points(x1), Units.points(y1))
            cairo_line_to(context, Units.points(x2), Units.points(y2))
            cairo_set_line_width(context, Units.points(width))
            colour.apply(to: context)
            cairo_stroke(context)
        }
    }
}

/// Zeroed pixel buffers shared by the blank surfaces that carry JPEG bytes into PDFs, one per size, kept for
/// the life of the process (photos come in a handful of sizes). Never written: Cairo only reads sources.
final class BlankPixels: @unchecked Sendable {
    static let shared = BlankPixels()
    private let lock = NSLock()
    private var buffers: [Int: UnsafeMutablePointer<UInt8>] = [:]

    func buffer(bytes: Int) -> UnsafeMutablePointer<UInt8>? {
        guard bytes > 0, bytes <= 200_000_000 else { return nil }
        return lock.withLock {
            if let buffer = buffers[bytes] { return buffer }
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes)
            buffer.initialize(repeating: 0, count: bytes)
            buffers[bytes] = buffer
            return buffer
        }
    }
}
