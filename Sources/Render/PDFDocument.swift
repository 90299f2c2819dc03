import CCairo

/// A failure creating or writing a PDF, in Cairo's words.
public struct RenderError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// A PDF being written with Cairo: pages of any size in millimetres, fonts embedded and subset by Cairo,
/// a fixed creation date when asked (so the same input gives the same file). Owns the Cairo surface and
/// context and frees them once.
public final class PDFDocument {
    let surface: OpaquePointer
    let context: OpaquePointer
    public let path: String
    private var finished = false
    private var pageOpen = false

    /// Starts a PDF at `path` whose first page is `width`×`height` mm.
    /// - Parameter created: ISO 8601 creation date written into the file (`2026-06-01T08:00:00+08:00`).
    public init(path: String, width: Double, height: Double, title: String? = nil, created: String? = nil) throws {
        guard let surface = cairo_pdf_surface_create(path, Units.points(width), Units.points(height)) else {
            throw RenderError(description: "\(path): cannot create the PDF")
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw RenderError(description: "\(path): \(String(cString: cairo_status_to_string(status)))")
        }
        self.surface = surface
        self.context = context
        self.path = path
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "kaowu")
        if let title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
        if let created { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, created) }
        pageOpen = true
    }

    deinit {
        cairo_destroy(context)
        if !finished { cairo_surface_finish(surface) }
        cairo_surface_destroy(surface)
    }

    /// Ends the current page and starts the next, `width`×`height` mm (the same size when nil).
    public func newPage(width: Double? = nil, height: Double? = nil) {
        cairo_show_page(context)
        if let width, let height { cairo_pdf_surface_set_size(surface, Units.points(width), Units.points(height)) }
        pageOpen = true
    }

    /// Writes the file; throws when Cairo reports an error (disk full, bad font, …).
    public func finish() throws {
        guard !finished else { return }
        cairo_show_page(context)
        finished = true
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        if status != CAIRO_STATUS_SUCCESS {
            throw RenderError(description: "\(path): \(String(cString: cairo_status_to_string(status)))")
        }
    }

    /// Runs `body` with the drawing state saved and restored around it.
    func withSavedState<T>(_ body: () throws -> T) rethrows -> T {
        cairo_save(context)
        defer { cairo_restore(context) }
        return try body()
    }
}
