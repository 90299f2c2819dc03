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

    /// The QR code is a 1-bit stencil mask of one pixel per module drawn without smoothing: zbarimg reads it at
    /// 150 dpi (a phone's photo of a print) and at 600 dpi (a printer's resolution), and printed, its modules are
    /// at least 0.5 mm.
    @Test func qrIsACrispMaskThatDecodesAt150And600dpi() throws {
        let (path, _) = try makeSample()
        let code = try #require(QRCode("HTTPS://V.EXAMPLE.ORG/1/ABCDEFGH23456", level: .M))
        for dpi in ["150", "600"] {
            let png = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("page-\(dpi)").path
            try Tool.run("pdftoppm", ["-png", "-r", dpi, "-f", "1", "-l", "1", "-singlefile", path, png])
            let decoded = try Tool.zbarimgQR(["--quiet", "--raw", png + ".png"])
            #expect(decoded.output.trimmingCharacters(in: .whitespacesAndNewlines) == "HTTPS://V.EXAMPLE.ORG/1/ABCDEFGH23456", "at \(dpi) dpi")
        }
        let masks = try Tool.run("pdfimages", ["-list", path]).output.split(separator: "\n").dropFirst(2)
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }.filter { $0[2] == "stencil" }
        #expect(masks.count == 1, "\(masks)")
        // page num type width height color comp bpc enc interp: one pixel per module, 1 bit, not interpolated.
        #expect(masks.first.map { [$0[3], $0[4], $0[7], $0[9]] } == ["\(code.size)", "\(code.size)", "1", "no"], "\(masks)")
        // A 30 mm square with a quiet zone of 4 modules each side.
        #expect(30.0 / Double(code.size + 8) >= 0.5, "module \(30.0 / Double(code.size + 8)) mm")
    }

    @Test func qrMatrix() throws {
        let code = try #require(QRCode("HELLO", level: .H))
        #expect(code.version == 1 && code.size == 21)
        // Finder pattern corners are dark, the separator next to them light.
        #expect(code[0, 0] && code[20, 0] && code[0, 20] && !code[7, 0])
        #expect(QRCode("") == nil)
    }
}
