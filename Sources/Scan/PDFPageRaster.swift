internal import CCairo
import Foundation
import Support

/// The first page of a PDF opened with poppler-glib (owns the PopplerDocument and PopplerPage), drawn
/// onto a white Cairo image surface and read back as gray pixels.
final class PDFPageRaster {
    /// Longest side rendered, in pixels (a poster-sized page is drawn at a lower resolution).
    static let maxSide = 7_000

    private let document: OpaquePointer
    private let page: OpaquePointer
    /// The page's size in points.
    let width: Double, height: Double

    /// Opens `path`; throws `ScanError` when poppler cannot read it or it has no pages.
    init(path: String) throws(ScanError) {
        let uri = URL(fileURLWithPath: path).absoluteString
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_file(uri, nil, &error) else {
            let message = error.map { String(cString: $0.pointee.message) } ?? "unreadable"
            if let error { g_error_free(error) }
            throw .unreadable(path: path, detail: LocalizedText(zh: "不是可读的 PDF：\(message)", en: "not a readable PDF: \(message)"))
        }
        guard poppler_document_get_n_pages(document) > 0, let page = poppler_document_get_page(document, 0) else {
            g_object_unref(UnsafeMutableRawPointer(document))
            throw .noPages(path: path)
        }
        self.document = document
        self.page = page
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        self.width = width
        self.height = height
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(page))
        g_object_unref(UnsafeMutableRawPointer(document))
    }

    /// The page drawn at `dpi` (less when a side would exceed `maxSide`) as gray pixels; nil when the
    /// page has no usable size or Cairo cannot make the surface.
    func gray(dpi: Double) -> GrayImage? {
        guard width.isFinite, height.isFinite, width > 0, height > 0 else { return nil }
        let scale = min(dpi / 72, Double(Self.maxSide) / max(width, height))
        let pixelWidth = Int((width * scale).rounded(.up)), pixelHeight = Int((height * scale).rounded(.up))
        guard pixelWidth > 0, pixelHeight > 0 else { return nil }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pixelWidth), Int32(pixelHeight)) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else { return nil }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        poppler_page_render(page, context)
        cairo_destroy(context)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        var pixels = [UInt8](repeating: 255, count: pixelWidth * pixelHeight)
        // RGB24: one native-endian 32-bit word a pixel, 0x00RRGGBB.
        for y in 0..<pixelHeight {
            let row = UnsafeRawPointer(data + y * stride)
            for x in 0..<pixelWidth {
                let word = row.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self)
                let r = Int((word >> 16) & 0xFF), g = Int((word >> 8) & 0xFF), b = Int(word & 0xFF)
                pixels[y * pixelWidth + x] = UInt8((299 * r + 587 * g + 114 * b + 500) / 1000)
            }
        }
        return GrayImage(width: pixelWidth, height: pixelHeight, pixels: pixels)
    }
}
