import Foundation
import Support
import Testing
import TestTools
@testable import Render

/// Texts drawn again come from the thread's layout cache (`TextLayoutCache`): they must print exactly as
/// when laid out afresh, and a text in another box or style must not take a cached layout of the same words.
@Suite struct TextLayoutCacheTests {
    /// One page of texts: the same words in two boxes and sizes (the narrow box shrinks them), centred and
    /// right-aligned, spaced titles, and a wrapped paragraph with line spacing and a hanging indent followed by
    /// one-line texts (a layout reused for both must not carry the paragraph's settings over).
    func drawPage(on canvas: Canvas) {
        var plain = TextStyle()
        plain.size = 12
        let school = "上海市第一职业技术学院（浦东校区）"
        canvas.draw(text: school, in: Box(x: 10, y: 10, width: 150, height: 8), style: plain)
        canvas.draw(text: school, in: Box(x: 10, y: 20, width: 40, height: 8), style: plain)
        var centred = plain
        centred.alignment = .center
        centred.bold = true
        canvas.draw(text: school, in: Box(x: 10, y: 30, width: 150, height: 8), style: centred)
        var title = plain
        title.letterSpacing = 8
        title.size = 20
        title.alignment = .center
        canvas.draw(text: "准考证", in: Box(x: 10, y: 42, width: 150, height: 12), style: title)
        var notices = plain
        notices.wrap = true
        notices.size = 10.5
        notices.lineSpacing = 1.6
        notices.hangingIndent = 4.2
        notices.verticalAlignment = .top
        canvas.draw(text: "1. 考生须携带准考证和有效身份证件，提前 30 分钟到达考场，开考 15 分钟后不得入场。\n2. 考试结束前不得离场。",
                    in: Box(x: 10, y: 60, width: 120, height: 40), style: notices)
        var right = plain
        right.alignment = .right
        canvas.draw(text: "座位号 07", in: Box(x: 10, y: 105, width: 150, height: 8), style: right)
        canvas.draw(text: "座位号 07", in: Box(x: 10, y: 115, width: 150, height: 8), style: plain)
    }

    @Test func textsDrawnAgainPrintAsWhenFirstLaidOut() throws {
        let dir = try Tool.scratch()
        let path = dir + "/again.pdf"
        // Page 1 lays every text out; page 2 sees each a second time (laid out again and kept); page 3 draws
        // them all from the cache.
        let canvas = try Canvas(path: path, width: 180, height: 130)
        drawPage(on: canvas)
        canvas.newPage()
        drawPage(on: canvas)
        canvas.newPage()
        drawPage(on: canvas)
        try canvas.finish()

        try Tool.run("pdftoppm", ["-r", "100", path, dir + "/page"])
        let pages = try (1...3).map { try PPM(path: dir + "/page-\($0).ppm") }
        let secondIsFirst = pages[0].pixels == pages[1].pixels, thirdIsFirst = pages[0].pixels == pages[2].pixels
        #expect(secondIsFirst, "page 2 differs from page 1")
        #expect(thirdIsFirst, "the cached texts of page 3 differ from page 1")
        // The narrow box shrinks the school's name: a layout taken from the wide box would run past it.
        let ink = (0..<pages[2].height).filter { y in
            y >= Int(20 / 25.4 * 100) && y < Int(28 / 25.4 * 100)
        }.flatMap { y in (0..<pages[2].width).filter { x in pages[2].rgb(x, y).0 < 128 } }
        #expect((ink.max() ?? 0) <= Int(50 / 25.4 * 100) + 1, "the school's name in the 40 mm box ends by x = 50 mm")

        let text = try Tool.run("pdftotext", ["-layout", path, "-"]).output
        #expect(text.components(separatedBy: "上海市第一职业技术学院（浦东校区）").count - 1 == 9, "\(text)")
    }

    @Test func aNewFontMapStartsTheCacheAgain() throws {
        let cache = TextLayoutCache.current
        var style = TextStyle()
        style.size = 11
        let key = TextLayoutCache.Key(text: ExactText("姓名"), style: style, width: 20, height: 8, recordedLayer: false, xx: 1, yx: 0, xy: 0, yy: 1)
        #expect(!cache.isRepeated(key), "seen for the first time")
        #expect(cache.isRepeated(key), "seen again: worth keeping")
        cache.removeAll()
        #expect(!cache.isRepeated(key), "forgotten with the cache")
        var other = key
        other.text = ExactText("姓名 ")
        #expect(key != other && key.hashValue != other.hashValue)
        other.text = ExactText("姓名")
        #expect(key == other)
    }
}
