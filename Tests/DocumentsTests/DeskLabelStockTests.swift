import Foundation
import Testing
import Render
import Synthetic
import TestTools
@testable import Documents

/// The built-in desk label on each label stock: the design made for it, every label exactly on the stock's
/// label (within 0.2 mm of the cell Avery's template gives), photos where the design has room for them.
@Suite(.serialized) struct DeskLabelStockTests {
    let fixture: RenderFixture
    init() throws { fixture = try RenderFixture() }

    @Test(arguments: LabelPreset.all)
    func labelsSitOnTheStock(_ preset: LabelPreset) throws {
        let name = BuiltInTemplates.name(for: "desk-label", labels: preset)
        #expect(name == (preset.code == "L7165" ? "desk-label" : "desk-label-" + preset.plain))
        let path = try fixture.render(name, paper: PaperSetup(labels: preset), file: "desk-\(preset.plain).pdf")
        let perSheet = preset.columns * preset.rows
        let pages = try Tool.run("pdfinfo", [path]).output
        #expect(pages.contains("Pages:           \((RenderFixture.count + perSheet - 1) / perSheet)") && pages.contains("(A4)"), "\(pages)")

        // Each label alone on a page of its size, to know where its seat number is within the label.
        let document = try PaperRenderer(templatePath: try #require(BuiltInTemplates.path(for: name)), paper: PaperSetup(labels: preset))
        #expect(document.template.pageWidth == preset.labelWidth && document.template.pageHeight == preset.labelHeight)
        let alone = fixture.dir + "/alone-\(preset.plain).pdf"
        let canvas = try Canvas(path: alone, width: preset.labelWidth, height: preset.labelHeight)
        for (k, record) in fixture.records().enumerated() {
            if k > 0 { canvas.newPage() }
            var merged = record
            merged.values.merge(SampleRecords.context) { _, new in new }
            document.renderer.draw(merged, on: canvas)
        }
        try canvas.finish()

        let seats = (1...RenderFixture.count).map { String(format: "%02d", $0) }
        let onSheet = try PDFWord.all(in: path).filter { seats.contains($0.text) }
        let onOwn = try PDFWord.all(in: alone).filter { seats.contains($0.text) }
        #expect(onSheet.count == RenderFixture.count && onOwn.count == RenderFixture.count)
        for (k, word) in onSheet.enumerated() {
            let own = onOwn[k], column = Double(k % perSheet % preset.columns), row = Double(k % perSheet / preset.columns)
            let cell = (x: preset.left + column * (preset.labelWidth + preset.gapX), y: preset.top + row * (preset.labelHeight + preset.gapY))
            #expect(word.text == own.text && word.page == k / perSheet + 1)
            #expect(abs(word.xMM - own.xMM - cell.x) < 0.2 && abs(word.yMM - own.yMM - cell.y) < 0.2,
                    "\(preset.code) seat \(word.text): label at \(word.xMM - own.xMM), \(word.yMM - own.yMM) mm, the stock's at \(cell.x), \(cell.y)")
        }
        let text = try Tool.run("pdftotext", ["-layout", path, "-"]).output
        for k in 0..<RenderFixture.count { #expect(text.contains(RenderFixture.ticketNumber(k)) && text.contains(fixture.candidates[k].name)) }
        // Photos where they fit: not on the small 3x7 labels.
        let images = try Tool.run("pdfimages", ["-list", path]).output.split(separator: "\n").dropFirst(2).count
        #expect(images == (preset.plain == "3x7" ? 0 : RenderFixture.count))
    }

    /// The stock's labels are pre-cut: nothing but the labels' content is printed (no cut marks), so the
    /// page outside the labels stays blank.
    @Test func noCutMarksOnLabelStock() throws {
        let path = try fixture.render("desk-label", paper: PaperSetup(), file: "desk.pdf")
        try Tool.run("pdftoppm", ["-r", "50", "-f", "1", "-l", "1", "-singlefile", path, fixture.dir + "/desk"])
        let page = try PPM(path: fixture.dir + "/desk.ppm")
        // The top margin (13.1 mm) and the gap between the columns (4.65 + 99.1 … + 2.5 mm) are white.
        let top = Int(12.0 / 25.4 * 50), gap = Int((4.65 + 99.1 + 1.25) / 25.4 * 50)
        #expect((0..<page.width).allSatisfy { page.rgb($0, top) == (255, 255, 255) })
        #expect((0..<page.height).allSatisfy { page.rgb(gap, $0) == (255, 255, 255) })
    }
}
