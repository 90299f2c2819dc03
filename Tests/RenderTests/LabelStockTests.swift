import Foundation
import Testing
import TestTools
@testable import Render

/// Pre-cut A4 label stock: the presets' measurements, templates that name one (`sheet: {preset: L7165}`),
/// and labels printed exactly where the stock's labels are.
@Suite struct LabelStockTests {
    static let known: @Sendable (String) -> Bool = { _ in true }

    /// The makers' figures (Avery's templates): label size, across × down, left and top margins, gaps.
    @Test func presetsAreTheMakersSheets() throws {
        let expected: [(String, String, Double, Double, Int, Int, Double, Double, Double)] = [
            ("L7165", "2x4", 99.1, 67.7, 2, 4, 4.65, 13.1, 2.5),
            ("L7173", "2x5", 99.1, 57, 2, 5, 4.65, 6, 2.5),
            ("L7160", "3x7", 63.5, 38.1, 3, 7, 7.25, 15.15, 2.5),
        ]
        for (code, plain, w, h, columns, rows, left, top, gap) in expected {
            let preset = try #require(LabelPreset.named(code))
            #expect(LabelPreset.named(plain) == preset && LabelPreset.named(plain.replacingOccurrences(of: "x", with: "×")) == preset
                    && LabelPreset.named(code.lowercased()) == preset)
            #expect(preset.labelWidth == w && preset.labelHeight == h && preset.columns == columns && preset.rows == rows)
            #expect(preset.left == left && preset.top == top && preset.gapX == gap && preset.gapY == 0)
            // The labels fill the sheet symmetrically: the right and bottom margins equal the left and top.
            let layout = preset.layout
            #expect(layout.fits && !layout.cutMarks && layout.cellsPerSheet == columns * rows)
            let last = layout.box(ofCell: layout.cellsPerSheet - 1)
            #expect(abs(210 - (last.x + last.width) - left) < 0.001, "\(code) right margin")
            #expect(abs(297 - (last.y + last.height) - top) < 0.001, "\(code) bottom margin")
        }
        #expect(LabelPreset.named("4x4") == nil && LabelPreset.named("") == nil)
    }

    /// Every label of three sheets lands at its cell's origin on the stock, within 0.2 mm: each record's
    /// text is drawn once on a page of its own (the label alone) and once N-up; the two positions differ by
    /// exactly the cell's origin.
    @Test(arguments: LabelPreset.all)
    func labelsAreAtTheStocksCells(_ preset: LabelPreset) throws {
        let template = try TemplateLoader(isKnownField: Self.known).load(yaml: """
        name: 标签
        sheet: {preset: \(preset.code)}
        elements:
          - {type: text, text: "{{name}}", box: [3, 2, 30, 8], size: 10}
        """, file: "labels.yaml")
        #expect(template.pageWidth == preset.labelWidth && template.pageHeight == preset.labelHeight)
        let layout = try #require(template.sheet)
        #expect(layout == preset.layout)
        let count = 2 * layout.cellsPerSheet + 1
        let records = (0..<count).map { RenderRecord(values: ["name": "L\($0 + 1)"]) }
        let dir = try Tool.scratch()
        let renderer = try TemplateRenderer(template: template, baseDirectory: dir)
        try renderer.render(records, to: dir + "/alone.pdf")
        try renderer.render(records, layout: layout, to: dir + "/sheets.pdf")
        let alone = try PDFWord.all(in: dir + "/alone.pdf"), sheets = try PDFWord.all(in: dir + "/sheets.pdf")
        #expect(alone.count == count && sheets.count == count)
        #expect(Set(sheets.map(\.page)) == [1, 2, 3])
        for (k, word) in sheets.enumerated() {
            let own = try #require(alone.first { $0.text == word.text })
            // The cell by the maker's figures: margin, then label and gap for each column or row before it.
            let column = Double(k % layout.cellsPerSheet % preset.columns), row = Double(k % layout.cellsPerSheet / preset.columns)
            let cell = (x: preset.left + column * (preset.labelWidth + preset.gapX), y: preset.top + row * (preset.labelHeight + preset.gapY))
            #expect(word.page == k / layout.cellsPerSheet + 1, "\(word.text)")
            #expect(abs(word.xMM - own.xMM - cell.x) < 0.2 && abs(word.yMM - own.yMM - cell.y) < 0.2,
                    "\(preset.code) \(word.text): at \(word.xMM), \(word.yMM) mm; its cell is at \(cell.x), \(cell.y)")
        }
    }

    @Test func templatesNamingStockAreChecked() throws {
        func mistake(_ yaml: String) -> TemplateError? {
            do { _ = try TemplateLoader(isKnownField: Self.known).load(yaml: yaml, file: "t.yaml"); return nil } catch let e as TemplateError { return e } catch { return nil }
        }
        let unknown = mistake("name: x\nsheet: {preset: L9999}\nelements: []\n")
        #expect(unknown?.key == "sheet.preset" && unknown?.line == 2 && unknown?.text.en.contains("2x4 (L7165)") == true, "\(String(describing: unknown))")
        let size = mistake("page: {width: 95, height: 68}\nsheet: {preset: 2x4}\nelements: []\n")
        #expect(size?.key == "sheet.preset" && size?.text.en.contains("99.1×67.7 mm, the page is 95×68 mm") == true, "\(String(describing: size))")
        let extra = mistake("sheet: {preset: 3x7, columns: 4}\nelements: []\n")
        #expect(extra?.key == "sheet.columns", "\(String(describing: extra))")
        let outside = mistake("sheet: {preset: 3x7}\nelements:\n  - {type: text, text: x, box: [40, 30, 30, 10]}\n")
        #expect(outside?.key == "elements[0].box" && outside?.text.en.contains("63×38 mm page") == true, "\(String(describing: outside))")
        #expect(mistake("page: {width: 99.1, height: 67.7}\nsheet: {preset: l7165}\nelements: []\n") == nil)
    }
}
