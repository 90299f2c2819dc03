import CTurboJPEG
import Foundation
import Testing
import TestTools
import Synthetic
@testable import Render

func solidJPEG(width: Int, height: Int, rgb: (UInt8, UInt8, UInt8), exifOrientation: Int? = nil) -> [UInt8] {
    var pixels = [UInt8](repeating: 0, count: width * height * 3)
    for p in 0..<(width * height) { pixels[p * 3] = rgb.0; pixels[p * 3 + 1] = rgb.1; pixels[p * 3 + 2] = rgb.2 }
    let handle = tjInitCompress()
    defer { tjDestroy(handle) }
    var buffer: UnsafeMutablePointer<UInt8>?
    var size: UInt = 0
    _ = tjCompress2(handle, pixels, Int32(width), 0, Int32(height), Int32(TJPF_RGB.rawValue), &buffer, &size, Int32(TJSAMP_444.rawValue), 90, 0)
    defer { tjFree(buffer) }
    var jpeg = Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    if let exifOrientation {
        // APP1 Exif, big-endian TIFF with one IFD entry: Orientation (0x0112), SHORT, 1, value.
        let tiff: [UInt8] = [0x4D, 0x4D, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, UInt8(exifOrientation), 0, 0, 0, 0, 0, 0]
        let payload = Array("Exif\0\0".utf8) + tiff
        let length = payload.count + 2
        jpeg.insert(contentsOf: [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload, at: 2)
    }
    return jpeg
}

@Suite(.serialized) struct ImageTests {
    func rasterise(_ draw: (Canvas) throws -> Void) throws -> PPM {
        let dir = try Tool.scratch()
        let canvas = try Canvas(path: dir + "/i.pdf", width: 60, height: 60)
        try draw(canvas)
        try canvas.finish()
        try Tool.run("pdftoppm", ["-r", "72", "-singlefile", dir + "/i.pdf", dir + "/i"])
        return try PPM(path: dir + "/i.ppm")
    }

    @Test func exifOrientationIsHonoured() throws {
        let jpeg = solidJPEG(width: 400, height: 200, rgb: (220, 20, 30), exifOrientation: 6)
        let image = try #require(JPEGImage(jpeg, id: "rotated"))
        #expect(image.orientation == .right)
        let page = try rasterise { $0.draw(image, in: Box(x: 10, y: 10, width: 20, height: 40)) }
        // Upright the picture is 200 × 400: it fills the 20 × 40 mm box, top to bottom.
        let mm = 72 / 25.4
        let low = page.rgb(Int(20 * mm), Int(46 * mm)), high = page.rgb(Int(20 * mm), Int(13 * mm))
        #expect(low.0 > 180 && low.1 < 80, "\(low)")
        #expect(high.0 > 180 && high.1 < 80, "\(high)")
        let plain = try #require(JPEGImage(solidJPEG(width: 400, height: 200, rgb: (220, 20, 30)), id: "plain"))
        #expect(plain.orientation == .up)
        let unrotated = try rasterise { $0.draw(plain, in: Box(x: 10, y: 10, width: 20, height: 40)) }
        #expect(unrotated.rgb(Int(20 * mm), Int(46 * mm)).1 > 200)      // white: a wide picture is letterboxed
    }

    @Test func cmykPhotosKeepTheirColours() throws {
        let jpeg = PhotoPainter().jpeg(background: .red, variant: 2, cmyk: true)
        let image = try #require(JPEGImage(jpeg, id: "cmyk"))
        let page = try rasterise { $0.draw(image, in: Box(x: 10, y: 10, width: 26, height: 36.4)) }
        let mm = 72 / 25.4
        let corner = page.rgb(Int(11.5 * mm), Int(11.5 * mm))
        #expect(corner.0 > 150 && corner.1 < 90 && corner.2 < 90, "background should be red, is \(corner)")
    }

    @Test func pngSealWithTransparency() throws {
        let dir = try Tool.scratch()
        // A 95×95 red ring on transparent ground, written by Cairo itself.
        let sealPath = dir + "/seal.png"
        let seal = try Canvas(png: sealPath, width: 33.5, height: 33.5, dpi: 72)
        seal.fill(Box(x: 0, y: 0, width: 33.5, height: 33.5), colour: Colour(0xC00000))
        try seal.finish()
        let image = try #require(PNGImage(path: sealPath))
        #expect(image.width == 95 && image.height == 95)
        #expect(PNGImage(path: dir + "/missing.png") == nil)
    }

    @Test func previewCanvasWritesAPNG() throws {
        let dir = try Tool.scratch()
        let canvas = try Canvas(png: dir + "/p.png", width: 85.6, height: 54, dpi: 150)
        var style = TextStyle()
        style.size = 12
        canvas.draw(text: "听课证", in: Box(x: 5, y: 5, width: 70, height: 10), style: style)
        try canvas.finish()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/p.png")))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // 85.6 mm at 150 dpi is 506 pixels wide (IHDR width, big-endian at offset 16).
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 506)
    }
}
