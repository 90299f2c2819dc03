import Foundation
import Render
import Support

/// Renders a template in the way its kind needs: one page per record, cards N-up on sheets, or a table
/// of all records over as many pages as needed; to a PDF, or the first page to a PNG preview.
public struct PaperRenderer {
    public let template: Template
    public let renderer: TemplateRenderer
    /// The template file, as given.
    public let templatePath: String

    /// Loads the template at `path` (any well-formed field; whether each is supplied is checked by
    /// `TemplateFieldCheck`). Its images and background are found in the template file's own folder,
    /// whatever the current folder.
    public init(templatePath: String) throws {
        self.templatePath = templatePath
        template = try TemplateLoader(isKnownField: DocumentFields.isWellFormed).load(path: templatePath)
        let folder = (FilePath.resolved(templatePath) as NSString).deletingLastPathComponent
        do {
            renderer = try TemplateRenderer(template: template, baseDirectory: folder,
                                            isDocumentField: { field in DocumentFields.isJobValue(field) && !field.hasPrefix("page.") })
        } catch let mistake as TemplateError {
            throw TemplateError(code: mistake.code, file: templatePath, line: mistake.line, key: mistake.key, text: mistake.text)
        }
    }

    /// Whether the template binds no candidate field (a door label): it is drawn once, from the job's values.
    public var isPerRoom: Bool {
        template.table == nil && template.fields.allSatisfy(DocumentFields.isJobValue)
    }

    /// What a table document computes on every page: its number, the page count and how many are expected.
    public static let tableFields: Set<String> = [TemplateRenderer.pageNumberField, TemplateRenderer.pageCountField, countField]
    static let countField = "count.expected"

    /// The fields this document computes itself (`tableFields` for a table, else none).
    public var computedFields: Set<String> { template.table == nil ? [] : Self.tableFields }

    /// The size of one output page in mm.
    public var pageSize: (width: Double, height: Double) {
        if let sheet = template.sheet { return (sheet.sheetWidth, sheet.sheetHeight) }
        return (template.pageWidth, template.pageHeight)
    }

    /// Draws `records` (with `context` values added to each) on `canvas`; `start` is the first label cell.
    public func draw(_ records: [RenderRecord], context: [String: String], start: Int = 1, on canvas: Canvas) {
        let merged = records.map { record -> RenderRecord in
            var r = record
            r.values.merge(context) { _, new in new }
            return r
        }
        if let table = template.table {
            var contextRecord = RenderRecord(values: context)
            contextRecord.values[Self.countField] = context[Self.countField] ?? String(records.count)
            renderer.draw(table, context: contextRecord, rows: merged, on: canvas)
        } else if isPerRoom {
            renderer.draw(RenderRecord(values: context), on: canvas)
        } else if var sheet = template.sheet {
            sheet.start = start
            renderer.draw(merged, layout: sheet, on: canvas)
        } else {
            for (index, record) in merged.enumerated() {
                if index > 0 { canvas.newPage() }
                renderer.draw(record, on: canvas)
            }
        }
    }

    /// Writes a PDF of `records`.
    public func renderPDF(_ records: [RenderRecord], context: [String: String], start: Int = 1, to path: String, created: String? = nil) throws {
        let size = pageSize
        let canvas = try Canvas(path: path, width: size.width, height: size.height, title: template.name, created: created)
        draw(records, context: context, start: start, on: canvas)
        try canvas.finish()
    }

    /// How many sample records fill exactly the first page.
    public var recordsOnFirstPage: Int {
        if let table = template.table { return table.rowsPerPage }
        if let sheet = template.sheet { return sheet.cellsPerSheet }
        return 1
    }

    /// Writes the first page of `records` as a PNG at `dpi`.
    public func renderPNG(_ records: [RenderRecord], context: [String: String], to path: String, dpi: Double = 150) throws {
        let size = pageSize
        let canvas = try Canvas(png: path, width: size.width, height: size.height, dpi: dpi)
        draw(Array(records.prefix(recordsOnFirstPage)), context: context, on: canvas)
        try canvas.finish()
    }
}
