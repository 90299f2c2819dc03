

/// A document template: page size in millimetres and positioned elements bound to fields (design §4).
/// Loaded from YAML by `TemplateLoader`; drawn per record by `TemplateRenderer`.
public struct Template: Sendable {
    public var name: String
    public var pageWidth: Double
    public var pageHeight: Double
    public var elements: [Element]
    /// Artwork under everything (PNG, JPEG, or a PDF drawn as vectors), a path relative to the template.
    public var background: String?
    /// For cards and labels: how many go on a sheet (the page above is one card).
    public var sheet: SheetLayout?
    /// For lists (sign-in sheets): the records as table rows; the elements above are drawn on every page
    /// with the context's values and `page.number` / `page.count`.
    public var table: TableSpec?
    /// Elements drawn once, on the last page of a table (totals, signatures).
    public var summary: [Element] = []
    /// The back of each page or card (考生须知 on a ticket), in the same coordinates as the front: printed
    /// behind it when printing on both sides, or beside it where the paper holds both (`Imposition`).
    public var back: [Element] = []

    /// One thing drawn on the page.
    public enum Element: Sendable {
        case text(BoundText, Box, TextStyle)
        /// An image from a field (a photo) or a file beside the template (a seal, a logo); `border` in mm, 0 for
        /// none; `ink`: a one-colour picture (a seal) drawn as its coverage in that colour (`Canvas.draw(_:in:ink:)`).
        case image(ImageSource, Box, border: Double, ink: Colour?)
        case qr(BoundText, x: Double, y: Double, side: Double, level: QRCode.Level)
        case rect(Box, line: Double, fill: Colour?)
        case line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double)
        /// Rows of one record's list (a timetable), see `ListSpec`.
        case list(ListSpec)
    }

    /// Where an image comes from.
    public enum ImageSource: Sendable, Equatable {
        /// The value of a field, looked up in the record's images (`{{photo}}`): a binding of one field.
        case field(BoundText)
        /// A file path, resolved against the template's folder.
        case file(String)
    }

    /// Every field the template's elements use (a list: its count field).
    public var fields: [String] {
        (elements + summary + back).flatMap { Template.binding(of: $0)?.fields ?? [] }
    }

    /// Every binding of the template (elements, summary, the back, table columns) in the order written: what
    /// the fields a command supplies are checked against before anything is drawn.
    public var bindings: [BoundText] {
        (elements + summary + back).compactMap(Template.binding) + (table?.columns.flatMap { [$0.text, $0.image].compactMap { $0 } } ?? [])
    }

    /// The fields of an element, with where they were written.
    static func binding(of element: Element) -> BoundText? {
        switch element {
        case .text(let text, _, _), .qr(let text, _, _, _, _), .image(.field(let text), _, _, _): return text
        case .list(let list):
            // The list needs its count; its cells may be blank (an item without a time, say).
            var count = try? BoundText("{{\(list.countField)}}")
            count?.line = list.line
            return count
        default: return nil
        }
    }
}

extension Template {
    /// Every text style the template draws with (its text elements, its summary, and a table's header and
    /// cells): what a `FontSubset` must cover.
    public var textStyles: [TextStyle] {
        var styles: [TextStyle] = []
        for element in elements + summary + back {
            if case .text(_, _, let style) = element { styles.append(style) }
            if case .list(let list) = element {
                var header = list.style
                header.bold = true
                styles += [list.style, header]
            }
        }
        if table != nil {
            var header = TextStyle()
            header.bold = true
            styles += [header, TextStyle()]
        }
        return styles
    }
}

extension Template {
    /// The files `elements` draw as images (seals, logos), each once, in the order written.
    public static func imageFiles(in elements: [Element]) -> [String] {
        var seen: Set<String> = []
        return elements.compactMap { element -> String? in
            guard case .image(.file(let name), _, _, _) = element, seen.insert(name).inserted else { return nil }
            return name
        }
    }

    /// Every file the template draws, as written (relative to its folder unless absolute): its background,
    /// then the images of its elements, summary and back.
    public var files: [String] {
        var seen: Set<String> = []
        return ((background.map { [$0] } ?? []) + Self.imageFiles(in: elements + summary + back)).filter { seen.insert($0).inserted }
    }

    /// The back of the card as a template of its own (its `back:` elements on a page of the same size), for
    /// a `TemplateRenderer` to draw.
    public var backSide: Template {
        Template(name: name, pageWidth: pageWidth, pageHeight: pageHeight, elements: back)
    }
}
