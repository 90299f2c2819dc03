internal import CCairo
import Support

/// A Cairo font options object, owned and freed here.
final class FontOptions: @unchecked Sendable {
    let options: OpaquePointer

    private init(_ options: OpaquePointer) { self.options = options }

    deinit { cairo_font_options_destroy(options) }

    /// What a PDF surface reports (read from a surface that writes nowhere).
    static func ofPDF() -> FontOptions {
        let options = cairo_font_options_create()!
        if let surface = cairo_pdf_surface_create_for_stream(nil, nil, 10, 10) {
            cairo_surface_get_font_options(surface, options)
            cairo_surface_destroy(surface)
        }
        return FontOptions(options)
    }
}
