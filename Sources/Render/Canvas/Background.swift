internal import CCairo
import Foundation

/// A page background: the user's artwork, a PNG or JPEG stretched to the page, or a PDF page drawn as
/// vectors (through poppler-glib, so text and lines stay sharp). Loaded once, drawn on every page.
public final class Background: @unchecked Sendable {
    private enum Source {
        case image(PageImage)
        case pdf(document: OpaquePointer, page: OpaquePointer, width: Double, height: Double)
    }

    private let source: Source

    /// Loads `path` (.png, .jpg/.jpeg or .pdf, first page); throws when it cannot be read.
    public init(path: String) throws {
        let lower = path.lowercased()
        if lower.hasSuffix(".pdf") {
            let uri = URL(fileURLWithPath: path).absoluteString
            var error: UnsafeMutablePointer<GError>?
            guard let document = poppler_document_new_from_file(uri, nil, &error) else {
                let message = error.map { String(cString: $0.pointee.message) } ?? "unreadable"
                if let error { g_error_free(error) }
                throw RenderError(description: "\(path): \(message)")
            }
            guard poppler_document_get_n_pages(document) > 0, let page = poppler_document_get_page(document, 0) else {
                g_object_unref(UnsafeMutableRawPointer(document))
                throw RenderError(description: "\(path): the PDF has no pages")
            }
            var width = 0.0, height = 0.0
            poppler_page_get_size(page, &width, &height)
            source = .pdf(document: document, page: page, width: width, height: height)
        } else if lower.hasSuffix(".png") {
            guard let image = PNGImage(path: path) else { throw RenderError(description: "\(path): not a readable PNG") }
            source = .image(image)
        } else {
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)), let image = JPEGImage([UInt8](data), id: path) else {
                throw RenderError(description: "\(path): not a readable JPEG")
            }
            source = .image(image)
        }
    }

    deinit {
        if case .pdf(let document, let page, _, _) = source {
            g_object_unref(UnsafeMutableRawPointer(page))
            g_object_unref(UnsafeMutableRawPointer(document))
        }
    }

    /// Draws the background over the whole `width`×`height` mm page.
    func draw(on canvas: Canvas, width: Double, height: Double) {
        canvas.withSavedState {
            switch source {
            case .image(let image):
                cairo_scale(canvas.context, Units.points(width) / Double(image.width), Units.points(height) / Double(image.height))
                guard let surface = image.makeSurface() else { return }
                defer { cairo_surface_destroy(surface) }
                cairo_set_source_surface(canvas.context, surface, 0, 0)
                cairo_paint(canvas.context)
            case .pdf(_, let page, let w, let h):
                cairo_scale(canvas.context, Units.points(width) / w, Units.points(height) / h)
                poppler_page_render(page, canvas.context)
            }
        }
    }
}
