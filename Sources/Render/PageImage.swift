import CCairo
import CTurboJPEG
import Foundation

/// A picture that can be placed on a page: a Cairo image surface it owns, and its size in pixels.
public protocol PageImage: AnyObject {
    var surface: OpaquePointer { get }
    var width: Int { get }
    var height: Int { get }
}

/// A JPEG to place on pages: decoded once for Cairo, with its original bytes attached so the PDF embeds
/// the JPEG as it is (no re-encoding), and a unique ID so an image repeated on many pages is embedded once.
/// Owns its Cairo surface.
public final class JPEGImage: PageImage, @unchecked Sendable {
    public let surface: OpaquePointer
    public let width: Int
    public let height: Int

    /// Decodes `bytes`; nil when they are not a JPEG TurboJPEG can read. `id` names the image for
    /// de-duplication in the PDF (e.g. the archive entry).
    public init?(_ bytes: [UInt8], id: String) {
        guard let handle = tjInitDecompress() else { return nil }
        defer { tjDestroy(handle) }
        var w: Int32 = 0, h: Int32 = 0, subsampling: Int32 = 0, colourspace: Int32 = 0
        guard tjDecompressHeader3(handle, bytes, UInt(bytes.count), &w, &h, &subsampling, &colourspace) == 0,
              w > 0, h > 0, Int(w) * Int(h) <= 40_000_000 else { return nil }
        let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h) else { return nil }
        cairo_surface_flush(surface)
        let pixels = cairo_image_surface_get_data(surface)
        let status = tjDecompress2(handle, bytes, UInt(bytes.count), pixels, w, Int32(stride), h, Int32(TJPF_BGRX.rawValue), 0)
        guard status == 0 || tjGetErrorCode(handle) == Int32(TJERR_WARNING.rawValue) else {
            cairo_surface_destroy(surface)
            return nil
        }
        cairo_surface_mark_dirty(surface)
        // Cairo keeps (and frees) its own copies of the JPEG bytes and the ID.
        JPEGImage.attach(CAIRO_MIME_TYPE_JPEG, Data(bytes), to: surface)
        JPEGImage.attach(CAIRO_MIME_TYPE_UNIQUE_ID, Data(id.utf8), to: surface)
        self.surface = surface
        width = Int(w)
        height = Int(h)
    }

    deinit { cairo_surface_destroy(surface) }

    private static func attach(_ type: String, _ data: Data, to surface: OpaquePointer) {
        let copy = UnsafeMutableRawPointer.allocate(byteCount: max(data.count, 1), alignment: 1)
        data.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: data.count) }
        cairo_surface_set_mime_data(surface, type, copy.assumingMemoryBound(to: UInt8.self), UInt(data.count),
                                    { $0?.deallocate() }, copy)
    }
}

/// A PNG (seals and logos, with transparency) loaded by Cairo; owns its surface.
public final class PNGImage: PageImage, @unchecked Sendable {
    public let surface: OpaquePointer
    public let width: Int
    public let height: Int

    /// Loads the PNG file at `path`; nil when it is missing or not a PNG.
    public init?(path: String) {
        guard let surface = cairo_image_surface_create_from_png(path) else { return nil }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            return nil
        }
        self.surface = surface
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
    }

    deinit { cairo_surface_destroy(surface) }
}

extension PDFDocument {
    /// Draws `image` fitted into `box` without distortion (centred; the box is the true printed size).
    public func draw(_ image: PageImage, in box: Box) {
        withSavedState {
            let scale = min(Units.points(box.width) / Double(image.width), Units.points(box.height) / Double(image.height))
            let drawnWidth = Double(image.width) * scale, drawnHeight = Double(image.height) * scale
            let x = Units.points(box.x) + (Units.points(box.width) - drawnWidth) / 2
            let y = Units.points(box.y) + (Units.points(box.height) - drawnHeight) / 2
            cairo_translate(context, x, y)
            cairo_scale(context, scale, scale)
            cairo_set_source_surface(context, image.surface, 0, 0)
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
