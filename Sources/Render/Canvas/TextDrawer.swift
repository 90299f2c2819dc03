internal import CCairo
import Support

/// How a run of text looks in its box: font family (with fallbacks, as Pango accepts them), size in
/// points, weight, letter spacing, alignment, wrapping and shrink-to-fit.
public struct TextStyle: Sendable, Hashable {
    public enum Alignment: String, Sendable, Hashable { case left, center, right }
    public enum VerticalAlignment: String, Sendable, Hashable { case top, middle, bottom }

    public var family = "Noto Serif CJK SC, Noto Sans CJK SC"
    public var size = 12.0
    public var bold = false
    /// Extra space between characters in points (titles such as 准 考 证).
    public var letterSpacing = 0.0
    public var alignment = Alignment.left
    public var verticalAlignment = VerticalAlignment.middle
    /// Break lines at the box width; otherwise one line.
    public var wrap = false
    /// Make the text smaller, down to `minimumSize`, until it fits the box (names are never cut).
    public var shrinkToFit = true
    public var minimumSize = 5.0
    public var colour = Colour.black
    /// Wrapped text: the distance between lines as a multiple of the font's (1 = as the font says).
    public var lineSpacing = 1.0
    /// Wrapped text: how far (mm) the second and later lines of a paragraph are indented (numbered lists).
    public var hangingIndent = 0.0

    public init() {}
}

/// Draws text into boxes with Pango (HarfBuzz shaping, font fallback for any Chinese character).
extension Canvas {
    /// Draws `text` in `box` with `style`; returns the font size used (smaller than asked when it shrank).
    /// A text drawn before in the same box and style (on this thread, on a PDF) is not laid out again.
    @discardableResult
    public func draw(text: String, in box: Box, style: TextStyle) -> Double {
        if text.isEmpty { return style.size }       // nothing to lay out (an unused sessions.3, say)
        return withSavedState {
            guard let fitted = layOut(text, in: box, style: style) else { return style.size }
            let width = Units.points(box.width), height = Units.points(box.height)
            var x = Units.points(box.x)
            if !style.wrap {
                switch style.alignment {
                case .left: break
                case .center: x += (width - fitted.width) / 2
                case .right: x += width - fitted.width
                }
            }
            var y = Units.points(box.y)
            switch style.verticalAlignment {
            case .top: break
            case .middle: y += (height - fitted.height) / 2
            case .bottom: y += height - fitted.height
            }
            style.colour.apply(to: context)
            cairo_move_to(context, x, y)
            pango_cairo_show_layout(context, fitted.layout)
            return fitted.size
        }
    }

    /// `text` laid out for `box`: from this thread's cache, or laid out now (and cached when it was seen before).
    private func layOut(_ text: String, in box: Box, style: TextStyle) -> TextLayoutCache.Entry? {
        guard !isPNG else { return textLayout().flatMap { fit(text, in: box, style: style, layout: $0) } }
        var matrix = cairo_matrix_t()
        cairo_get_matrix(context, &matrix)
        let key = TextLayoutCache.Key(text: ExactText(text), style: style, width: box.width, height: box.height, recordedLayer: isRecording,
                                      xx: matrix.xx, yx: matrix.yx, xy: matrix.xy, yy: matrix.yy)
        let cache = TextLayoutCache.current
        // Not updated from this context: Pango then lays the text out again (any matrix it is given counts as a
        // change), and the key already says it was made for the same kind of surface and the same scale.
        if let entry = cache.entry(for: key) { return entry }
        guard cache.isRepeated(key), let layout = pango_cairo_create_layout(context) else {
            return textLayout().flatMap { fit(text, in: box, style: style, layout: $0) }
        }
        guard let entry = fit(text, in: box, style: style, layout: layout) else {
            g_object_unref(UnsafeMutableRawPointer(layout))
            return nil
        }
        cache.insert(entry, for: key)
        return entry
    }

    /// Lays `text` out in `layout` for `box`, shrinking it as the style allows until it fits.
    private func fit(_ text: String, in box: Box, style: TextStyle, layout: OpaquePointer) -> TextLayoutCache.Entry? {
        pango_cairo_update_layout(context, layout)
        let width = Units.points(box.width), height = Units.points(box.height)
        pango_layout_set_text(layout, text, -1)
        if style.wrap {
            pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
            pango_layout_set_line_spacing(layout, style.lineSpacing != 1 ? Float(style.lineSpacing) : 0)
            pango_layout_set_indent(layout, style.hangingIndent > 0 ? -Int32(Units.points(style.hangingIndent) * Double(PANGO_SCALE)) : 0)
        } else {
            pango_layout_set_width(layout, -1)
            pango_layout_set_line_spacing(layout, 0)
            pango_layout_set_indent(layout, 0)
        }
        switch style.alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        var size = style.size
        var extent = (width: 0.0, height: 0.0)
        while true {
            apply(style, size: size, to: layout)
            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_layout_get_extents(layout, &ink, &logical)
            extent = (Double(logical.width) / Double(PANGO_SCALE), Double(logical.height) / Double(PANGO_SCALE))
            let fits = extent.width <= width + 0.01 && extent.height <= height + 0.01
            if fits || !style.shrinkToFit || size <= style.minimumSize { break }
            size = max(style.minimumSize, size * 0.95)
        }
        // Pango puts the letter spacing after the last character too; it is not part of the text's width.
        if style.letterSpacing > 0 && !style.wrap { extent.width -= style.letterSpacing }
        return TextLayoutCache.Entry(layout: layout, size: size, width: extent.width, height: extent.height)
    }

    private func apply(_ style: TextStyle, size: Double, to layout: OpaquePointer) {
        guard let font = pango_font_description_new() else { return }
        defer { pango_font_description_free(font) }
        pango_font_description_set_family(font, style.family)
        pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_absolute_size(font, size * Double(PANGO_SCALE))
        pango_layout_set_font_description(layout, font)
        let attributes = pango_attr_list_new()
        defer { pango_attr_list_unref(attributes) }
        if style.letterSpacing != 0, let spacing = pango_attr_letter_spacing_new(Int32(style.letterSpacing * Double(PANGO_SCALE))) {
            pango_attr_list_insert(attributes, spacing)
        }
        pango_layout_set_attributes(layout, attributes)
    }
}
