internal import CCairo
import Support

/// Where drawing goes, in millimetres: a PDF being written with Cairo (pages of any size, fonts embedded
/// and subset, a fixed creation date when asked so the same input gives the same file), or one PNG page
/// at a chosen resolution (template previews). Owns the Cairo surface and context and frees them once.
public final class Canvas {
    let surface: OpaquePointer
    let context: OpaquePointer
    public let path: String
    private var finished = false
    /// Pages so far (the current one included).
    public private(set) var pageCount = 1
    let isPNG: Bool
    /// A layer recorded to be painted on pages (see `init(recordingWidth:height:)`).
    let isRecording: Bool
    /// One Pango layout reused for every text on this canvas (made on first use, freed with the canvas).
    private var layout: OpaquePointer?

    /// The canvas's Pango layout.
    func textLayout() -> OpaquePointer? {
        if layout == nil { layout = pango_cairo_create_layout(context) }
        return layout
    }

    /// Takes a new Cairo surface (nil: creation failed) and makes its drawing context; on any failure the
    /// surface is freed and the error names `path`.
    private init(surface: OpaquePointer?, path: String, isPNG: Bool, isRecording: Bool = false) throws {
        guard let surface else { throw RenderError(description: "\(path): cannot create the drawing surface") }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw RenderError(description: "\(path): \(String(cString: cairo_status_to_string(status)))")
        }
        self.surface = surface
        self.context = context
        self.path = path
        self.isPNG = isPNG
        self.isRecording = isRecording
    }

    /// Starts a PDF at `path` whose first page is `width`×`height` mm.
    /// - Parameter created: ISO 8601 creation date written into the file (`2026-06-01T08:00:00+08:00`).
    public convenience init(path: String, width: Double, height: Double, title: String? = nil, created: String? = nil) throws {
        try self.init(surface: cairo_pdf_surface_create(path, Units.points(width), Units.points(height)), path: path, isPNG: false)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "kaowu")
        if let title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
        if let created { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, created) }
    }

    /// Starts a one-page PNG of `width`×`height` mm at `dpi`, on white, written to `path` by `finish()`.
    public convenience init(png path: String, width: Double, height: Double, dpi: Double = 150) throws {
        let scale = dpi / 72
        let pixelsWide = Int32((Units.points(width) * scale).rounded()), pixelsHigh = Int32((Units.points(height) * scale).rounded())
        guard pixelsWide > 0, pixelsHigh > 0, Int(pixelsWide) * Int(pixelsHigh) <= 100_000_000 else {
            throw RenderError(description: "\(path): cannot create a \(width)×\(height) mm image at \(dpi) dpi")
        }
        try self.init(surface: cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixelsWide, pixelsHigh), path: path, isPNG: true)
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
    }

    /// A layer to draw once and paint on many pages: Cairo records the drawing, and a PDF embeds it once
    /// (as a form XObject) however many pages paint it. Text stays text.
    convenience init(recordingWidth width: Double, height: Double) throws {
        var extents = cairo_rectangle_t(x: 0, y: 0, width: Units.points(width), height: Units.points(height))
        try self.init(surface: cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents), path: "(layer)", isPNG: false, isRecording: true)
        // Text in a layer gets the font options of a PDF page (no hinting), so Cairo sees the same scaled fonts
        // as on the page and writes one font subset per face, not one for layers and one for the page.
        cairo_set_font_options(context, Self.pdfFontOptions.options)
    }

    /// The font options of a PDF surface, read once.
    private static let pdfFontOptions = FontOptions.ofPDF()

    /// Paints a recorded `layer` at the current origin.
    func paint(_ layer: Canvas) {
        withSavedState {
            cairo_set_source_surface(context, layer.surface, 0, 0)
            cairo_paint(context)
        }
    }

    deinit {
        if let layout { g_object_unref(UnsafeMutableRawPointer(layout)) }
        cairo_destroy(context)
        if !finished { cairo_surface_finish(surface) }
        cairo_surface_destroy(surface)
    }

    /// Ends the current page and starts the next, `width`×`height` mm (the same size when nil).
    /// A PNG canvas has one page only: it ignores this.
    public func newPage(width: Double? = nil, height: Double? = nil) {
        guard !isPNG else { return }
        cairo_show_page(context)
        pageCount += 1
        if let width, let height { cairo_pdf_surface_set_size(surface, Units.points(width), Units.points(height)) }
    }

    /// Writes the file; throws when Cairo reports an error (disk full, bad font, …).
    public func finish() throws {
        guard !finished else { return }
        finished = true
        if isPNG {
            let status = cairo_surface_write_to_png(surface, path)
            cairo_surface_finish(surface)
            if status != CAIRO_STATUS_SUCCESS {
                throw RenderError(description: "\(path): \(String(cString: cairo_status_to_string(status)))")
            }
            return
        }
        cairo_show_page(context)
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
