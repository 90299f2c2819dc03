internal import CCairo
import Foundation
import Photos

/// A picture that can be placed on a page: a Cairo image surface it owns, and its size in pixels.
public protocol PageImage: AnyObject {
    /// A Cairo surface to paint, with one reference for the caller (who destroys it): the pixels as stored, or
    /// a smaller stand-in carrying the encoded bytes a PDF embeds (drawn stretched to `width`×`height`).
    func makeSurface() -> OpaquePointer?
    /// Size in pixels as stored.
    var width: Int { get }
    var height: Int { get }
    /// How the stored pixels are turned or mirrored to be shown (read by `ImageHeader`, as validation does).
    var orientation: ExifOrientation { get }
    /// How much of each pixel is covered (its alpha) as an A8 surface, with one reference for the caller; nil
    /// for pictures without transparency (JPEG photos).
    func coverage() -> OpaquePointer?
}

extension PageImage {
    public func coverage() -> OpaquePointer? { nil }
}

extension Canvas {
    /// Draws `image` fitted into `box` without distortion (centred; the box is the true printed size).
    /// EXIF orientation is honoured: the picture is drawn as shown (the size validation checked), turned
    /// by the drawing's transform, so a JPEG's bytes are still embedded as they are.
    /// With `ink`, a picture with transparency (a seal) is drawn as its coverage in that one colour: a PDF
    /// then holds one grey soft mask instead of a colour image and its alpha — a quarter of the data Cairo
    /// converts and compresses for every file.
    public func draw(_ image: PageImage, in box: Box, ink: Colour? = nil) {
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
            if let ink, let coverage = image.coverage() {
                defer { cairo_surface_destroy(coverage) }
                ink.apply(to: context)
                cairo_mask_surface(context, coverage, 0, 0)
                return
            }
            guard let surface = image.makeSurface() else { return }
            defer { cairo_surface_destroy(surface) }
            // A stand-in smaller than the picture covers the same rectangle.
            let surfaceWidth = Int(cairo_image_surface_get_width(surface)), surfaceHeight = Int(cairo_image_surface_get_height(surface))
            if surfaceWidth > 0, surfaceHeight > 0, surfaceWidth != image.width || surfaceHeight != image.height {
                cairo_scale(context, Double(image.width) / Double(surfaceWidth), Double(image.height) / Double(surfaceHeight))
            }
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

    /// Draws a dashed line from (`x1`, `y1`) to (`x2`, `y2`) in mm: dashes and gaps `dash` mm long, in grey.
    public func dashedLine(from x1: Double, _ y1: Double, to x2: Double, _ y2: Double, width: Double = 0.2, dash: Double = 2) {
        withSavedState {
            var pattern = [Units.points(dash), Units.points(dash)]
            cairo_set_dash(context, &pattern, 2, 0)
            cairo_move_to(context, Units.points(x1), Units.points(y1))
            cairo_line_to(context, Units.points(x2), Units.points(y2))
            cairo_set_line_width(context, Units.points(width))
            Colour(0x808080).apply(to: context)
            cairo_stroke(context)
        }
    }
}
