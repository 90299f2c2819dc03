import Foundation
import Testing
import TestTools
@testable import Render

/// Cards on paper (`ImposedRenderer`): backs behind their fronts for a long-edge flip, front and back on
/// one page, dashed cut lines, and the printer's offset — checked where pdftotext and pdftoppm find them.
@Suite struct ImpositionTests {
    static let known: @Sendable (String) -> Bool = { _ in true }

    /// A 90 × 50 mm card, 2 × 5 on A4 with unequal gaps, its name on the front and on the back.
    static func card() throws -> Template {
        try TemplateLoader(isKnownField: known).load(yaml: """
        name: 卡片
        page: {width: 90, height: 50}
        sheet: {size: A4, columns: 2, rows: 5, gutter: [12, 4], cut-marks: false}
        elements:
          - {type: rect, box: [0, 0, 90, 50], line: 0.3}
          - {type: text, text: "F{{name}}", box: [4, 4, 40, 8], size: 11}
        back:
          - {type: text, text: "B{{name}}", box: [4, 4, 40, 8], size: 11}
        """, file: "card.yaml")
    }

    static func render(_ template: Template, _ imposition: Imposition, count: Int, to path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        let printer = ImposedRenderer(front: try TemplateRenderer(template: template, baseDirectory: dir),
                                      back: try TemplateRenderer(template: template.backSide, baseDirectory: dir), imposition: imposition)
        let size = printer.paperSize
        let canvas = try Canvas(path: path, width: size.width, height: size.height)
        printer.draw((1...count).map { RenderRecord(values: ["name": "\($0)"]) }, on: canvas)
        try canvas.finish()
    }

    /// Turning a sheet over its long (left) edge puts the left column behind the right: card k's back is
    /// printed at the front's cell mirrored across the sheet's centre line, same height.
    @Test func backsLandBehindTheirFrontsAfterALongEdgeFlip() throws {
        let template = try Self.card()
        #expect(template.fields == ["name", "name"])
        let layout = try #require(template.sheet)
        let dir = try Tool.scratch()
        try Self.render(template, Imposition(arrangement: .sheets(layout), duplex: true), count: 13, to: dir + "/cards.pdf")
        let words = try PDFWord.all(in: dir + "/cards.pdf")
        #expect(Set(words.map(\.page)) == [1, 2, 3, 4])              // 10 + 3 cards: two sheets, each front and back
        for k in 1...13 {
            let front = try #require(words.first { $0.text == "F\(k)" }), back = try #require(words.first { $0.text == "B\(k)" })
            #expect(front.page == (k <= 10 ? 1 : 3) && back.page == front.page + 1, "card \(k)")
            // The text starts 4 mm into the card on both sides: the back card's left edge is the mirror of the front's.
            let frontCard = front.xMM - 4, backCard = back.xMM - 4
            #expect(abs(backCard - (210 - frontCard - 90)) < 0.2, "card \(k): front at \(frontCard) mm, back at \(backCard) mm")
            #expect(abs(back.yMM - front.yMM) < 0.05, "card \(k)")
        }
        // The left column's back is on the right: the flip is not the identity here.
        let f1 = try #require(words.first { $0.text == "F1" }), b1 = try #require(words.first { $0.text == "B1" })
        #expect(b1.xMM > 100 && f1.xMM < 100)
    }

    /// One card per page, each page followed by its back.
    @Test func pagesAlternateFrontAndBack() throws {
        var template = try Self.card()
        template.sheet = nil
        let dir = try Tool.scratch()
        try Self.render(template, Imposition(arrangement: .pages, duplex: true), count: 3, to: dir + "/pages.pdf")
        let words = try PDFWord.all(in: dir + "/pages.pdf")
        #expect(words.map { "\($0.page):\($0.text)" } == ["1:F1", "2:B1", "3:F2", "4:B2", "5:F3", "6:B3"])
        #expect(try Tool.run("pdfinfo", [dir + "/pages.pdf"]).output.contains("255.118 x 141.732 pts"))   // 90 × 50 mm
    }

    /// Half-A4 cards with their backs on the same side: the front on the upper half, the back on the lower,
    /// a dashed grey line across the middle (148.5 mm) and nothing else between them.
    @Test func sidesTogetherWithACutLine() throws {
        var template = try Self.card()
        template.sheet = nil
        let halves = SheetLayout(sheetWidth: 210, sheetHeight: 297, columns: 1, rows: 2, cellWidth: 90, cellHeight: 50,
                                 gutterY: 148.5 - 50, cutMarks: false, left: 60, top: 49.25)
        let dir = try Tool.scratch()
        try Self.render(template, Imposition(arrangement: .sidesTogether(halves), cutLines: true), count: 2, to: dir + "/a4.pdf")
        let words = try PDFWord.all(in: dir + "/a4.pdf")
        #expect(words.map { "\($0.page):\($0.text)" } == ["1:F1", "1:B1", "2:F2", "2:B2"])
        for k in 0..<2 {
            let front = words[2 * k], back = words[2 * k + 1]
            // The text box starts 4 mm into the card, the card 60 mm from the left and 49.25 mm below the top.
            #expect(front.xMM > 63.9 && front.xMM < 64.6 && front.yMM > 53.2 && front.yMM < 61.3, "\(front)")
            #expect(abs(back.xMM - front.xMM) < 0.01 && abs(back.yMM - front.yMM - 148.5) < 0.05, "\(back)")
        }
        try Tool.run("pdftoppm", ["-r", "100", "-f", "1", "-l", "1", "-singlefile", dir + "/a4.pdf", dir + "/a4"])
        let page = try PPM(path: dir + "/a4.ppm")
        func row(_ mm: Double) -> [(Int, Int, Int)] { (0..<page.width).map { page.rgb($0, Int(mm / 25.4 * 100)) } }
        let line = row(148.5)
        let grey = line.filter { $0.0 < 200 && abs($0.0 - $0.2) < 10 }.count
        let changes = zip(line, line.dropFirst()).filter { ($0.0 < 200) != ($1.0 < 200) }.count
        #expect(grey > page.width / 3 && grey < page.width * 2 / 3, "half the line is dashes: \(grey) of \(page.width)")
        #expect(changes > 40, "dashes, not a solid line: \(changes) changes")
        #expect(row(140).allSatisfy { $0 == (255, 255, 255) } && row(157).allSatisfy { $0 == (255, 255, 255) })
    }

    /// `offset` moves every word by exactly the asked amount on every page, front and back.
    @Test func offsetMovesEverything() throws {
        let template = try Self.card()
        let layout = try #require(template.sheet)
        let dir = try Tool.scratch()
        try Self.render(template, Imposition(arrangement: .sheets(layout), duplex: true), count: 12, to: dir + "/plain.pdf")
        try Self.render(template, Imposition(arrangement: .sheets(layout), duplex: true, offset: PrintOffset(x: 1.5, y: -0.7)), count: 12,
                        to: dir + "/shifted.pdf")
        let plain = try PDFWord.all(in: dir + "/plain.pdf"), shifted = try PDFWord.all(in: dir + "/shifted.pdf")
        #expect(plain.count == 24 && shifted.map(\.text) == plain.map(\.text) && shifted.map(\.page) == plain.map(\.page))
        for (a, b) in zip(plain, shifted) {
            #expect(abs(b.xMM - a.xMM - 1.5) < 0.01 && abs(b.yMM - a.yMM + 0.7) < 0.01, "\(a.text): \(b.xMM - a.xMM), \(b.yMM - a.yMM)")
        }
    }
}
