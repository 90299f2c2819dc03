import Foundation
@testable import Render

/// Whole-file rendering for the tests (the product draws on canvases it owns: `PaperRenderer`, packs).
extension TemplateRenderer {
    /// Writes a PDF with the records' cards laid out N-up on sheets (`layout`), with cut marks if asked.
    func render(_ records: [RenderRecord], layout: SheetLayout, to path: String, created: String? = nil) throws {
        let document = try Canvas(path: path, width: layout.sheetWidth, height: layout.sheetHeight,
                                       title: template.name, created: created)
        draw(records, layout: layout, on: document)
        try document.finish()
    }

    /// Writes a table document: the template's elements filled from `context` on every page (with
    /// `page.number` and `page.count`), the records as rows, the summary on the last page.
    func renderTable(context: RenderRecord, rows: [RenderRecord], to path: String, created: String? = nil) throws {
        guard let table = template.table else {
            throw TemplateError.template(file: template.name, line: nil, key: "table", zh: "这个模板没有表格", en: "this template has no table")
        }
        let document = try Canvas(path: path, width: template.pageWidth, height: template.pageHeight, title: template.name, created: created)
        draw(table, context: context, rows: rows, on: document)
        try document.finish()
    }

    /// Writes a PDF with one page per record.
    func render(_ records: [RenderRecord], to path: String, created: String? = nil) throws {
        let document = try Canvas(path: path, width: template.pageWidth, height: template.pageHeight,
                                       title: template.name, created: created)
        for (index, record) in records.enumerated() {
            if index > 0 { document.newPage() }
            draw(record, on: document)
        }
        try document.finish()
    }
}
