import Foundation
import Testing
import TestTools
import Synthetic
@testable import Render

@Suite struct SheetLayoutTests {
    let layout = SheetLayout(sheetWidth: 210, sheetHeight: 297, columns: 2, rows: 5, cellWidth: 90, cellHeight: 54, gutterX: 6, gutterY: 2)

    @Test func cellsAreCentredWithGutters() {
        #expect(layout.fits)
        let first = layout.place(0), second = layout.place(1), third = layout.place(2)
        #expect(first.sheet == 0 && first.box == Box(x: 12, y: 9.5, width: 90, height: 54))
        #expect(second.box.x == 108 && second.box.y == 9.5)
        #expect(third.box.x == 12 && third.box.y == 65.5)
        #expect(layout.place(10).sheet == 1 && layout.place(10).box == first.box)
        #expect(layout.sheets(for: 10) == 1 && layout.sheets(for: 11) == 2 && layout.sheets(for: 0) == 0)
    }

    @Test func startingPositionUsesUpAHalfUsedSheet() {
        var partial = layout
        partial.start = 7
        #expect(partial.place(0).box == layout.place(6).box)
        #expect(partial.place(4).sheet == 1 && partial.place(4).box == layout.place(0).box)
        #expect(partial.sheets(for: 4) == 1 && partial.sheets(for: 5) == 2)
    }

    @Test func tooManyCardsDoNotFit() {
        let crowded = SheetLayout(sheetWidth: 210, sheetHeight: 297, columns: 3, rows: 5, cellWidth: 90, cellHeight: 54)
        #expect(!crowded.fits)
        let error: TemplateError? = {
            do {
                _ = try TemplateLoader(isKnownField: known).load(yaml: """
                page: {width: 90, height: 54}
                sheet: {size: A4, columns: 3, rows: 5}
                elements: []
                """, file: "card.yaml")
                return nil
            } catch let e as TemplateError { return e } catch { return nil }
        }()
        #expect(error?.key == "sheet" && error?.line == 2)
    }

    @Test func cardsRenderNUpWithCutMarks() throws {
        let template = try TemplateLoader(isKnownField: known).load(yaml: """
        name: 听课证
        page: {width: 90, height: 54}
        sheet: {size: A4, columns: 2, rows: 5, gutter: [6, 2]}
        elements:
          - {type: rect, box: [0, 0, 90, 54], line: 0.3}
          - {type: text, text: "听 课 证", box: [2, 2, 86, 9], size: 14, bold: true, align: center}
          - {type: text, text: "{{name}}", box: [4, 16, 55, 8], size: 12}
          - {type: image, source: "{{photo}}", box: [64, 14, 20, 28]}
        """, file: "card.yaml")
        let painter = PhotoPainter()
        let photo = JPEGImage(painter.jpeg(background: .white, variant: 3), id: "p")!
        let records = (0..<13).map { RenderRecord(values: ["name": "学员\($0 + 1)"], images: ["photo": photo]) }
        let dir = try Tool.scratch()
        var sheet = try #require(template.sheet)
        sheet.start = 3
        try TemplateRenderer(template: template, baseDirectory: dir).render(records, layout: sheet, to: dir + "/cards.pdf")
        let info = try Tool.run("pdfinfo", [dir + "/cards.pdf"]).output
        #expect(info.contains("Pages:           2") && info.contains("(A4)"))
        let text = try Tool.run("pdftotext", ["-layout", dir + "/cards.pdf", "-"]).output
        for k in 1...13 { #expect(text.contains("学员\(k)")) }
        // Starting at cell 3 leaves the first row of the first sheet empty: 学员1 is on the second row.
        let firstPage = text.components(separatedBy: "\u{0C}")[0]
        #expect(firstPage.components(separatedBy: "学员").count - 1 == 8)
        try Tool.run("pdftoppm", ["-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile", dir + "/cards.pdf", dir + "/cards"])
        #expect(FileManager.default.fileExists(atPath: dir + "/cards.png"))
    }
}
