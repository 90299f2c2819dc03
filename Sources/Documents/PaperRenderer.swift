import Foundation
import Render
import Support

/// Renders a template in the way its kind needs: one page per record, cards N-up on sheets, or a table
/// of all records over as many pages as needed; on the paper asked for (`PaperSetup`: ticket paper, both
/// sides, label stock, printer offset, starting position); to a PDF, or the first page to a PNG preview.
public struct PaperRenderer {
    public let template: Template
    public let renderer: TemplateRenderer
    /// The template file, as given.
    public let templatePath: String
    /// The paper asked for.
    public let paper: PaperSetup
    /// How the records go on paper.
    public let imposition: Imposition
    /// The cards (and their backs) on paper.
    private let printer: ImposedRenderer

    /// Loads the template at `path` (any well-formed field; whether each is supplied is checked by
    /// `TemplateFieldCheck`) and fits `paper` to it (a `PaperError` when a setting does not fit). Its images
    /// and background are found in the template file's own folder, whatever the current folder.
    public init(templatePath: String, paper: PaperSetup = PaperSetup()) throws {
        self.templatePath = templatePath
        self.paper = paper
        template = try TemplateLoader(isKnownField: DocumentFields.isWellFormed).load(path: templatePath)
        let folder = (FilePath.resolved(templatePath) as NSString).deletingLastPathComponent
        // Job values and the 考生须知 (made of the job's notices) are the same for a whole document: the elements
        // drawing only them are recorded once per document (and again only if their text changes).
        let isDocumentField: (String) -> Bool = { field in
            (DocumentFields.isJobValue(field) || field == TemplateValues.noticesField) && !field.hasPrefix("page.")
        }
        let back: TemplateRenderer?
        do {
            renderer = try TemplateRenderer(template: template, baseDirectory: folder, isDocumentField: isDocumentField)
            back = template.back.isEmpty ? nil : try TemplateRenderer(template: template.backSide, baseDirectory: folder, isDocumentField: isDocumentField)
        } catch let mistake as TemplateError {
            throw TemplateError(code: mistake.code, file: templatePath, line: mistake.line, key: mistake.key, text: mistake.text)
        }
        imposition = try paper.imposition(for: template, onePerDocument: Self.isPerRoom(template))
        printer = ImposedRenderer(front: renderer, back: back, imposition: imposition)
    }

    /// Whether the template binds no candidate field (a door label): it is drawn once, from the job's values.
    public var isPerRoom: Bool { Self.isPerRoom(template) }

    static func isPerRoom(_ template: Template) -> Bool {
        template.table == nil && template.fields.allSatisfy(DocumentFields.isJobValue)
    }

    /// What a table document computes on every page: its number, the page count and how many are expected.
    public static let tableFields: Set<String> = [TemplateRenderer.pageNumberField, TemplateRenderer.pageCountField, countField]
    static let countField = "count.expected"

    /// The fields this document computes itself: `tableFields` for a table; for a ticket's timetable list
    /// (`schedule`) given no timetable, its count (one entry made from the record's own values).
    public var computedFields: Set<String> {
        (template.table == nil ? [] : Self.tableFields).union(hasSchedule ? [TemplateValues.scheduleList + ".count"] : [])
    }

    /// Whether the template draws a `schedule` list.
    private var hasSchedule: Bool {
        template.elements.contains { if case .list(let list) = $0 { return list.items == TemplateValues.scheduleList }; return false }
    }

    /// The size of one output page in mm.
    public var pageSize: (width: Double, height: Double) { printer.paperSize }

    /// Draws `records` (with `context` values added to each) on `canvas`.
    public func draw(_ records: [RenderRecord], context: [String: String], on canvas: Canvas) {
        draw(records, context: context, on: canvas, printer: printer)
    }

    private func draw(_ records: [RenderRecord], context: [String: String], on canvas: Canvas, printer: ImposedRenderer) {
        let schedule = hasSchedule
        let merged = records.map { record -> RenderRecord in
            var r = record
            r.values.merge(context) { _, new in new }
            if schedule && r.values[TemplateValues.scheduleList + ".count"] == nil { r.values.merge(TemplateValues.schedule(from: r.values)) { old, _ in old } }
            return r
        }
        if let table = template.table {
            var contextRecord = RenderRecord(values: context)
            contextRecord.values[Self.countField] = context[Self.countField] ?? String(records.count)
            canvas.shifted(by: imposition.offset) {
                renderer.draw(table, context: contextRecord, rows: merged, on: canvas)
            }
        } else if isPerRoom {
            canvas.shifted(by: imposition.offset) {
                renderer.draw(RenderRecord(values: context), on: canvas)
            }
        } else {
            printer.draw(merged, on: canvas)
        }
    }

    /// Writes a PDF of `records`.
    public func renderPDF(_ records: [RenderRecord], context: [String: String], to path: String, created: String? = nil) throws {
        let size = pageSize
        let canvas = try Canvas(path: path, width: size.width, height: size.height, title: template.name, created: created)
        draw(records, context: context, on: canvas)
        try canvas.finish()
    }

    /// How many sample records fill exactly the first page.
    public var recordsOnFirstPage: Int {
        if let table = template.table { return table.rowsPerPage }
        return isPerRoom ? 1 : imposition.recordsPerSheet
    }

    /// Writes the first page of `records` as a PNG at `dpi` (the fronts: a PNG has one page), with the
    /// outlines of pre-cut labels in light grey.
    public func renderPNG(_ records: [RenderRecord], context: [String: String], to path: String, dpi: Double = 150) throws {
        let size = pageSize
        let canvas = try Canvas(png: path, width: size.width, height: size.height, dpi: dpi)
        var fronts = imposition
        fronts.duplex = false
        fronts.showsStock = !(imposition.layout?.cutMarks ?? true) && !imposition.cutLines
        draw(Array(records.prefix(recordsOnFirstPage)), context: context, on: canvas,
             printer: ImposedRenderer(front: renderer, back: printer.back, imposition: fronts))
        try canvas.finish()
    }
}
