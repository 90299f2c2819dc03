import Foundation
import Support

/// Draws a template once per record, one page each. Images named by file are loaded once from the
/// template's folder (`baseDirectory`) and reused on every page.
public final class TemplateRenderer {
    public let template: Template
    private var fileImages: [String: PageImage] = [:]
    private let baseDirectory: String
    private let background: Background?
    /// The page's elements in drawing order: runs without fields recorded once as layers; runs whose fields
    /// are the same for the whole document (exam, site, notices…) recorded on first use and reused while
    /// their text stays the same; the rest drawn for every record.
    private var layers: [Layer] = []
    /// A table's header row, recorded on first use.
    private var tableHeader: Canvas?
    /// Whether a field has one value for a whole document (so elements using only such fields are drawn once).
    private let isDocumentField: (String) -> Bool

    private enum Layer {
        case recorded(Canvas)
        case perDocument([Template.Element], LayerCache)
        case dynamic([Template.Element])
    }

    /// A layer recorded for one set of values.
    private final class LayerCache {
        var key: ExactText?
        var canvas: Canvas?
    }

    enum RunKind { case fixed, perDocument, perRecord }

    public init(template: Template, baseDirectory: String, isDocumentField: @escaping (String) -> Bool = { _ in false }) throws {
        self.template = template
        self.baseDirectory = baseDirectory
        self.isDocumentField = isDocumentField
        if let file = template.background {
            do {
                background = try Background(path: Self.path(of: file, in: baseDirectory))
            } catch let error as RenderError {
                throw TemplateError(code: TemplateError.templateCode, file: template.name, line: nil, key: "background", text: LocalizedText(error.description))
            }
        } else {
            background = nil
        }
        // The images it draws: the page's and, on a table's last page, the summary's.
        for name in Template.imageFiles(in: template.elements + template.summary) {
            let path = Self.path(of: name, in: baseDirectory)
            let image: PageImage?
            if name.lowercased().hasSuffix(".png") {
                image = PNGImage(path: path)
            } else {
                image = (try? Data(contentsOf: URL(fileURLWithPath: path))).flatMap { JPEGImage([UInt8]($0), id: path) }
            }
            guard let image else {
                throw TemplateError.template(file: template.name, line: nil, key: "image", zh: "无法读取 \(path)（应为 PNG 或 JPEG）", en: "cannot load \(path) (PNG or JPEG expected)")
            }
            fileImages[name] = image
        }
        try buildLayers()
    }

    /// An asset's path: as written when absolute, else in `folder` (the template's; the current folder when empty).
    static func path(of asset: String, in folder: String) -> String {
        asset.hasPrefix("/") || folder.isEmpty ? asset : (folder as NSString).appendingPathComponent(asset)
    }

    /// Splits the elements into runs of one kind (see `layers`), keeping their drawing order.
    private func buildLayers() throws {
        if let background {
            let layer = try Canvas(recordingWidth: template.pageWidth, height: template.pageHeight)
            background.draw(on: layer, width: template.pageWidth, height: template.pageHeight)
            layers.append(.recorded(layer))
        }
        var run: [Template.Element] = []
        var runKind = RunKind.fixed
        // Where some elements are drawn once per document anyway, the fixed ones join them: one layer for both
        // is recorded once per document (a few texts, laid out from the cache) and saves every page painting
        // two or three (Cairo analyses each layer a page paints, about as much work as a line of text).
        let hasDocumentRuns = template.elements.contains { kind(of: $0) == .perDocument }
        let layerKind: (Template.Element) -> RunKind = { element in
            let kind = self.kind(of: element)
            return hasDocumentRuns && kind == .fixed ? .perDocument : kind
        }
        let elements = LayerOrder.grouped(template.elements, kind: layerKind)
        func flush() throws {
            guard !run.isEmpty else { return }
            switch runKind {
            case .fixed:
                let layer = try Canvas(recordingWidth: template.pageWidth, height: template.pageHeight)
                draw(run, RenderRecord(values: [:]), on: layer)
                layers.append(.recorded(layer))
            case .perDocument: layers.append(.perDocument(run, LayerCache()))
            case .perRecord: layers.append(.dynamic(run))
            }
            run = []
        }
        for element in elements {
            let kind = layerKind(element)
            if !run.isEmpty && kind != runKind { try flush() }
            runKind = kind
            run.append(element)
        }
        try flush()
    }

    private func kind(of element: Template.Element) -> RunKind {
        if TemplateRenderer.isStatic(element) { return .fixed }
        switch element {
        case .text(let text, _, _), .qr(let text, _, _, _, _):
            return text.fields.allSatisfy(isDocumentField) ? .perDocument : .perRecord
        default:
            return .perRecord
        }
    }

    /// The resolved texts of a run's elements that have fields, which decide whether its recorded layer can be
    /// reused (fixed texts never change).
    private func key(of elements: [Template.Element], _ record: RenderRecord) -> ExactText {
        ExactText(elements.compactMap { element -> String? in
            switch element {
            case .text(let text, _, _), .qr(let text, _, _, _, _): return text.fields.isEmpty ? nil : text.resolve(record.values)
            default: return nil
            }
        }.joined(separator: "\u{1F}"))
    }

    static func isStatic(_ element: Template.Element) -> Bool {
        switch element {
        case .text(let text, _, _), .qr(let text, _, _, _, _): return text.fields.isEmpty
        case .image(.field, _, _, _): return false
        case .image(.file, _, _, _), .rect, .line: return true
        case .list: return false
        }
    }

    /// Draws one page for `record` on the document's current page. Layers recorded once are painted, unless
    /// `recordedLayers` is false: Cairo 1.16 names a layer twice in a page's resources when one page paints it
    /// more than once (N-up cards), which qpdf rightly reports, so cards are drawn element by element.
    public func draw(_ record: RenderRecord, on document: Canvas, recordedLayers: Bool = true) {
        guard recordedLayers else {
            background?.draw(on: document, width: template.pageWidth, height: template.pageHeight)
            draw(template.elements, record, on: document)
            return
        }
        for layer in layers {
            switch layer {
            case .recorded(let recorded): document.paint(recorded)
            case .dynamic(let elements): draw(elements, record, on: document)
            case .perDocument(let elements, let cache):
                let key = self.key(of: elements, record)
                if cache.key != key || cache.canvas == nil {
                    guard let canvas = try? Canvas(recordingWidth: template.pageWidth, height: template.pageHeight) else {
                        draw(elements, record, on: document)
                        continue
                    }
                    draw(elements, record, on: canvas)
                    cache.key = key
                    cache.canvas = canvas
                }
                if let canvas = cache.canvas { document.paint(canvas) }
            }
        }
    }

    func draw(_ elements: [Template.Element], _ record: RenderRecord, on document: Canvas) {
        for element in elements {
            switch element {
            case .text(let text, let box, let style):
                if text.isOptional && text.hasBlank(record.values) { continue }
                document.draw(text: text.resolve(record.values), in: box, style: style)
            case .image(let source, let box, let border, let ink):
                let image: PageImage?
                switch source {
                case .field(let binding): image = binding.fields.first.flatMap { record.images[$0] }
                case .file(let name): image = fileImages[name]
                }
                if image == nil, case .field(let binding) = source, binding.isOptional { continue }
                if let image { document.draw(image, in: box, ink: ink) }
                if border > 0 { document.stroke(box, width: border) }
            case .qr(let text, let x, let y, let side, let level):
                if text.isOptional && text.hasBlank(record.values) { continue }
                if let code = QRCode(text.resolve(record.values), level: level) { document.draw(code, x: x, y: y, side: side) }
            case .rect(let box, let line, let fill):
                if let fill { document.fill(box, colour: fill) }
                if line > 0 { document.stroke(box, width: line) }
            case .line(let x1, let y1, let x2, let y2, let width):
                document.line(from: x1, y1, to: x2, y2, width: width)
            case .list(let list):
                draw(list, record, on: document)
            }
        }
    }

    /// Draws a record's items under its list's header (the header is among the fixed elements), all fitted to the box.
    private func draw(_ list: ListSpec, _ record: RenderRecord, on document: Canvas) {
        let count = max(0, Int(record.values[list.countField] ?? "") ?? 0)
        let (top, height, scale) = list.rows(for: count)
        var style = list.style
        style.size = max(style.minimumSize, style.size * scale)
        var y = top
        for n in stride(from: 1, through: count, by: 1) {
            var x = list.box.x
            for column in list.columns {
                style.alignment = column.alignment
                document.draw(text: list.binding(column, item: n).resolve(record.values), in: Box(x: x, y: y, width: column.width, height: height), style: style)
                x += column.width
            }
            y += height
        }
    }

    /// Lays the records' cards out on `document`, starting a new sheet as needed.
    public func draw(_ records: [RenderRecord], layout: SheetLayout, on document: Canvas) {
        ImposedRenderer(front: self, back: nil, imposition: Imposition(arrangement: .sheets(layout))).draw(records, on: document)
    }

    /// The fields a table document's pages are numbered with.
    public static let pageNumberField = "page.number", pageCountField = "page.count"

    /// Draws a table document's pages on `document`.
    public func draw(_ table: TableSpec, context: RenderRecord, rows: [RenderRecord], on document: Canvas) {
        let pages = table.pages(for: rows.count)
        for page in 0..<pages {
            if page > 0 { document.newPage() }
            var pageContext = context
            pageContext.values[Self.pageNumberField] = String(page + 1)
            pageContext.values[Self.pageCountField] = String(pages)
            draw(pageContext, on: document)
            let slice = rows[min(rows.count, page * table.rowsPerPage)..<min(rows.count, (page + 1) * table.rowsPerPage)]
            drawTable(table, rows: Array(slice), on: document)
            if page == pages - 1 { draw(template.summary, pageContext, on: document) }
        }
    }

    private func drawTable(_ table: TableSpec, rows: [RenderRecord], on document: Canvas) {
        var cellStyle = TextStyle()
        cellStyle.size = table.fontSize
        cellStyle.alignment = .center
        // The header row is the same on every page: recorded once, painted on each.
        if tableHeader == nil, let layer = try? Canvas(recordingWidth: template.pageWidth, height: template.pageHeight) {
            drawTableHeader(table, on: layer)
            tableHeader = layer
        }
        if let tableHeader { document.paint(tableHeader) } else { drawTableHeader(table, on: document) }
        // All the rows' cell borders as one path, then the cells' contents.
        var borders: [Box] = []
        for index in rows.indices {
            var x = table.box.x
            let y = table.box.y + table.headerHeight + Double(index) * table.rowHeight
            for column in table.columns {
                borders.append(Box(x: x, y: y, width: column.width, height: table.rowHeight))
                x += column.width
            }
        }
        document.stroke(borders, width: 0.25)
        for (index, row) in rows.enumerated() {
            var x = table.box.x
            let y = table.box.y + table.headerHeight + Double(index) * table.rowHeight
            for column in table.columns {
                let cell = Box(x: x, y: y, width: column.width, height: table.rowHeight)
                if let field = column.imageField, let image = row.images[field] {
                    document.draw(image, in: inset(cell, by: 1))
                } else if let text = column.text, !(text.isOptional && text.hasBlank(row.values)) {
                    document.draw(text: text.resolve(row.values), in: inset(cell), style: cellStyle)
                }
                x += column.width
            }
        }
    }

    private func drawTableHeader(_ table: TableSpec, on canvas: Canvas) {
        var header = TextStyle()
        header.size = table.fontSize
        header.bold = true
        header.alignment = .center
        var x = table.box.x
        for column in table.columns {
            let cell = Box(x: x, y: table.box.y, width: column.width, height: table.headerHeight)
            canvas.fill(cell, colour: Colour(0xEEEEEE))
            canvas.stroke(cell, width: 0.25)
            canvas.draw(text: column.header, in: inset(cell), style: header)
            x += column.width
        }
    }

    private func inset(_ box: Box, by margin: Double = 0.8) -> Box {
        Box(x: box.x + margin, y: box.y + margin, width: max(0.1, box.width - 2 * margin), height: max(0.1, box.height - 2 * margin))
    }
}
