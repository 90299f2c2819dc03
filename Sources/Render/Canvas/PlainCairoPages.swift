internal import CCairo

/// Pages written with Cairo's own calls alone, none of kaowu's drawing code: the yardstick `kaowu bench`
/// measures beside its figures (`ReferenceWorkload`). Because it does not go through `Canvas`, making kaowu
/// faster does not move the yardstick. Each page: one JPEG photo embedded as it is (on a full-size image
/// surface, freed after the page, as a plain Cairo program would) and one line of text with Cairo's simple
/// text calls (the JPEG bytes are attached with `JPEGImage.attach`, a plain mime-data copy). Owns each Cairo
/// object it makes and frees it before returning.
public enum PlainCairoPages {
    /// Writes `pages` A5 pages to `path`, page `k` showing `photos[k % count]` (JPEG bytes of `width`×`height`).
    public static func write(to path: String, pages: Int, photos: [[UInt8]], width: Int, height: Int) throws {
        let points = 72 / 25.4
        guard let surface = cairo_pdf_surface_create(path, 148 * points, 210 * points) else {
            throw RenderError(description: "\(path): cannot create the reference PDF")
        }
        defer { cairo_surface_destroy(surface) }
        guard let context = cairo_create(surface) else { throw RenderError(description: "\(path): cannot draw") }
        defer { cairo_destroy(context) }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2026-01-01T00:00:00+08:00")
        cairo_select_font_face(context, "Noto Sans CJK SC", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, 12)
        for k in 0..<pages {
            let bytes = photos[k % max(1, photos.count)]
            if let image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) {
                JPEGImage.attach(CAIRO_MIME_TYPE_JPEG, bytes, to: image)
                JPEGImage.attach(CAIRO_MIME_TYPE_UNIQUE_ID, Array("reference-\(k)".utf8), to: image)
                cairo_save(context)
                cairo_translate(context, 20 * points, 20 * points)
                cairo_scale(context, 26 * points / Double(width), 26 * points / Double(width))
                cairo_set_source_surface(context, image, 0, 0)
                cairo_paint(context)
                cairo_restore(context)
                cairo_surface_destroy(image)
            }
            cairo_set_source_rgb(context, 0, 0, 0)
            cairo_move_to(context, 20 * points, 66 * points)
            cairo_show_text(context, "准考证号 26A\(100_000 + k)")
            cairo_show_page(context)
        }
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        if status != CAIRO_STATUS_SUCCESS { throw RenderError(description: "\(path): \(String(cString: cairo_status_to_string(status)))") }
    }
}
