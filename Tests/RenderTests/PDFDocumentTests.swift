import Foundation
import Testing
import TestTools
import Synthetic
@testable import Render

@Suite(.serialized) struct CanvasTests {
    /// Two A4 pages: a spaced title, a long name shrunk into its box, a photo on both pages, a QR code.
    func makeSample() throws -> (path: String, shrunk: Double) {
        let dir = try Tool.scratch()
        let path = dir + "/sample.pdf"
        let document = try Canvas(path: path, width: 210, height: 297, title: "样张", created: "2026-06-01T08:00:00+08:00")
        var title = TextStyle()
        title.size = 26
        title.bold = true
        title.letterSpacing = 12
        title.alignment = .center
        document.draw(text: "准考证", in: Box(x: 20, y: 20, width: 170, height: 20), style: title)
        var name = TextStyle()
        name.size = 14
        let shrunk = document.draw(text: "阿卜杜热合曼·买买提艾力·库尔班江", in: Box(x: 20, y: 50, width: 40, height: 8), style: name)
        let photo = try #require(JPEGImage(PhotoPainter().jpeg(background: .red, variant: 1), id: "photo-1"))
        document.draw(photo, in: Box(x: 150, y: 50, width: 26, height: 32))
        document.stroke(Box(x: 150, y: 50, width: 26, height: 32))
        let code = try #require(QRCode("HTTPS://V.EXAMPLE.ORG/1/ABCDEFGH23456", level: .M))
        document.draw(code, x: 20, y: 100, side: 30)
        document.newPage()
        document.draw(text: "第二页", in: Box(x: 20, y: 20, width: 100, height: 10), style: name)
        document.draw(photo, in: Box(x: 150, y: 50, width: 26, height: 32))
        try document.finish()
        return (path, shrunk)
    }

    @Test func textIsSearchableAndFontsEmbedded() throws {
        let (path, shrunk) = try makeSample()
        let info = try Tool.run("pdfinfo", [path]).output
        #expect(info.contains("Pages:           2"))
        #expect(info.contains("595.276 x 841.89 pts (A4)"))
        #expect(info.contains("Creator:         kaowu"))
        let text = try Tool.run("pdftotext", ["-layout", path, "-"]).output
        #expect(text.contains("准") && text.contains("考") && text.contains("证"))
        #expect(text.contains("阿卜杜热合曼·买买提艾力·库尔班江"))
        #expect(text.contains("第二页"))
        #expect(shrunk < 14)
        let fonts = try Tool.run("pdffonts", [path]).output.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for font in fonts { #expect(font.contains(" yes yes "), "font not embedded and subset: \(font)") }
        #expect(try Tool.run("qpdf", ["--check", path]).status == 0)
    }

    @Test func jpegEmbeddedOnceAsItIs() throws {
        let (path, _) = try makeSample()
        let list = try Tool.run("pdfimages", ["-list", path]).output.split(separator: "\n").dropFirst(2).filter { !$0.contains(" stencil ") }.map {
            $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        }
        #expect(list.count == 2)                                   // shown on two pages
        #expect(list.allSatisfy { $0[3] == "295" && $0[4] == "413" && $0[8] == "jpeg" })
        #expect(Set(list.map { $0[10] }).count == 1)              // one object: embedded once
    }

    @Test func qrDecodesAt150dpi() throws {
        let (path, _) = try makeSample()
        let png = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("page").path
        try Tool.run("pdftoppm", ["-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", path, png])
        let decoded = try Tool.run("zbarimg", ["--quiet", "--raw", png + ".png"])
        #expect(decoded.output.trimmingCharacters(in: .whitespacesAndNewlines) == "HTTPS://V.EXAMPLE.ORG/1/ABCDEFGH23456")
    }

    @Test func qrMatrix() throws {
        let code = try #require(QRCode("HELLO", level: .H))
        #expect(code.version == 1 && code.size == 21)
        // Finder pattern corners are dark, the separator next to them light.
        #expect(code[0, 0] && code[20, 0] && code[0, 20] && !code[7, 0])
        #expect(QRCode("") == nil)
    }
}
