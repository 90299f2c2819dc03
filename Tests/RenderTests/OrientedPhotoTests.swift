import CCairo
import Foundation
import Testing
import TestTools
@testable import Render

/// Photos stored turned or mirrored with an EXIF orientation tag (Pillow's files in fixtures/exif) print
/// upright and fill a photo box of their shown size, whether the PDF takes the JPEG bytes as they are or
/// the picture is drawn from decoded pixels (PNG previews).
@Suite(.serialized) struct OrientedPhotoTests {
    static let names = (1...8).map { "upright-o\($0).jpg" } + ["upright-o6.png"]
    /// The box is the shown picture's 295 × 413 pixels at 0.1 mm each, at (10, 10) mm on a 50 × 60 mm page.
    static let box = Box(x: 10, y: 10, width: 29.5, height: 41.3)
    static let dpi = 150.0

    func image(_ name: String, decodePixels: Bool) throws -> PageImage {
        let bytes = [UInt8](try Data(contentsOf: Kaowu.root.appendingPathComponent("fixtures/exif/" + name)))
        let image: PageImage? = name.hasSuffix(".png") ? PNGImage(bytes: bytes) : JPEGImage(bytes, id: name, decodePixels: decodePixels)
        return try #require(image, "\(name) did not load")
    }

    /// Checks a rendering of the fixture picture in `box` (`pixel` reads the page at `dpi`): the bar top-left,
    /// backdrop in the corners and where a flipped or turned bar would be, shoulders along the bottom edge,
    /// and white just outside the box (the picture is neither shrunk nor spilling).
    func checkUpright(_ name: String, _ pixel: (Int, Int) -> (Int, Int, Int)) {
        func at(_ x: Double, _ y: Double) -> (Int, Int, Int) {   // a point of the 295 × 413 picture
            let mm = { (v: Double) in Int((v * Self.dpi / 25.4).rounded(.down)) }
            return pixel(mm(Self.box.x + x * 0.1), mm(Self.box.y + y * 0.1))
        }
        func dark(_ p: (Int, Int, Int)) -> Bool { p.0 + p.1 + p.2 < 150 }
        func backdrop(_ p: (Int, Int, Int)) -> Bool { abs(p.0 - 67) < 30 && abs(p.1 - 142) < 30 && abs(p.2 - 219) < 30 }
        func shoulders(_ p: (Int, Int, Int)) -> Bool { abs(p.0 - 40) < 30 && abs(p.1 - 40) < 30 && abs(p.2 - 60) < 30 }
        func white(_ p: (Int, Int, Int)) -> Bool { p.0 > 240 && p.1 > 240 && p.2 > 240 }
        #expect(dark(at(40, 40)) && dark(at(140, 60)), "\(name): bar top-left: \(at(40, 40)) \(at(140, 60))")
        for (x, y) in [(60.0, 140.0), (255, 40), (8, 8), (287, 8), (8, 240), (287, 240)] {
            #expect(backdrop(at(x, y)), "\(name): (\(x), \(y)) is \(at(x, y))")
        }
        for (x, y) in [(8.0, 405.0), (147, 405), (287, 405), (40, 363), (255, 363)] {
            #expect(shoulders(at(x, y)), "\(name): (\(x), \(y)) is \(at(x, y))")
        }
        for (x, y) in [(-15.0, 200.0), (310, 200), (147, -15), (147, 428)] {
            #expect(white(at(x, y)), "\(name): outside the box at (\(x), \(y)) is \(at(x, y))")
        }
    }

    @Test(arguments: names, [false, true])
    func pdfPrintsUprightAndFillsTheBox(name: String, decodePixels: Bool) throws {
        let dir = try Tool.scratch()
        let image = try image(name, decodePixels: decodePixels)
        let canvas = try Canvas(path: dir + "/p.pdf", width: 50, height: 60)
        canvas.draw(image, in: Self.box)
        try canvas.finish()
        try Tool.run("pdftoppm", ["-r", "\(Int(Self.dpi))", "-singlefile", dir + "/p.pdf", dir + "/p"])
        let page = try PPM(path: dir + "/p.ppm")
        checkUpright(name, page.rgb)
        // The JPEG is embedded as it is stored (turned by the drawing, not re-encoded).
        let row = try Tool.run("pdfimages", ["-list", dir + "/p.pdf"]).output.split(separator: "\n").dropFirst(2)
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(row.count == 1)
        let stored = image.orientation.swapsSides ? ["413", "295"] : ["295", "413"]
        #expect(row.first.map { Array($0[3...4]) } == stored, "\(row)")
        if name.hasSuffix(".jpg") {
            #expect(row.first?[8] == "jpeg", "\(row)")
            let original = [UInt8](try Data(contentsOf: Kaowu.root.appendingPathComponent("fixtures/exif/" + name)))
            try Tool.run("pdfimages", ["-j", dir + "/p.pdf", dir + "/x"])
            #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/x-000.jpg"))) == original)
        }
    }

    @Test(arguments: names)
    func pngPreviewIsUprightToo(name: String) throws {
        let dir = try Tool.scratch()
        let canvas = try Canvas(png: dir + "/p.png", width: 50, height: 60, dpi: Self.dpi)
        canvas.draw(try image(name, decodePixels: true), in: Self.box)
        try canvas.finish()
        let surface = try #require(cairo_image_surface_create_from_png(dir + "/p.png"))
        defer { cairo_surface_destroy(surface) }
        #expect(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        let data = try #require(cairo_image_surface_get_data(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        checkUpright(name) { x, y in
            let o = y * stride + x * 4                                   // BGRX, native little-endian
            return (Int(data[o + 2]), Int(data[o + 1]), Int(data[o]))
        }
    }
}
