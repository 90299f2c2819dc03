import CTurboJPEG
import Foundation
import Testing
@testable import Photos

/// Test photos: a plain background with a darker figure in the lower middle, encoded with TurboJPEG.
enum TestImages {
    static func rgb(width: Int = 295, height: Int = 413, background: (UInt8, UInt8, UInt8)) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let figure = y > height / 3 && abs(x - width / 2) < width / 4
                let c = figure ? (UInt8(90), UInt8(70), UInt8(60)) : background
                let i = (y * width + x) * 3
                out[i] = c.0; out[i + 1] = c.1; out[i + 2] = c.2
            }
        }
        return out
    }

    static func jpeg(_ pixels: [UInt8], width: Int = 295, height: Int = 413, format: TJPF = TJPF_RGB, channels: Int = 3,
                     subsampling: TJSAMP = TJSAMP_420) -> [UInt8] {
        let handle = tjInitCompress()
        defer { tjDestroy(handle) }
        var buffer: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        _ = tjCompress2(handle, pixels, Int32(width), Int32(width * channels), Int32(height), Int32(format.rawValue), &buffer, &size,
                        Int32(subsampling.rawValue), 90, 0)
        defer { tjFree(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }

    static func inspect(_ bytes: [UInt8]) -> (ImageHeaderResult, PhotoDecodeResult?) {
        bytes.withUnsafeBytes { raw in
            let header = ImageHeader.read(raw)
            guard case .header(let h) = header else { return (header, nil) }
            return (header, ImageDecoder().decode(raw, header: h))
        }
    }

    static func background(_ bytes: [UInt8]) -> BackgroundColour? {
        if case .decoded(let d)? = inspect(bytes).1 { return d.background.colour }
        return nil
    }
}

@Suite struct ImageInspectionTests {
    @Test(arguments: [("red", (UInt8(220), UInt8(20), UInt8(30)), BackgroundColour.red),
                      ("blue", (67, 142, 219), .blue), ("dark blue", (0, 100, 200), .blue),
                      ("white", (252, 252, 250), .white), ("grey", (128, 128, 128), .other)])
    func backgroundsAreClassified(name: String, rgb: (UInt8, UInt8, UInt8), expected: BackgroundColour) {
        #expect(TestImages.background(TestImages.jpeg(TestImages.rgb(background: rgb))) == expected, "\(name)")
    }

    @Test func headerFacts() {
        let (header, _) = TestImages.inspect(TestImages.jpeg(TestImages.rgb(width: 300, height: 400, background: (255, 255, 255)), width: 300, height: 400))
        guard case .header(let h) = header else { Issue.record("no header"); return }
        #expect(h.format == .jpeg && h.width == 300 && h.height == 400 && h.components == 3 && !h.isCMYK)
    }

    @Test func greyscaleJPEG() {
        let grey = [UInt8](repeating: 240, count: 295 * 413)
        let bytes = TestImages.jpeg(grey, format: TJPF_GRAY, channels: 1, subsampling: TJSAMP_GRAY)
        guard case .header(let h) = TestImages.inspect(bytes).0 else { Issue.record("no header"); return }
        #expect(h.components == 1)
        #expect(TestImages.background(bytes) == .white)
    }

    @Test func cmykWithAdobeInversionKeepsItsColour() {
        // Photoshop-style CMYK: values stored inverted; a red backdrop is C=0 M=1 Y=1 K≈0.14.
        let rgb = TestImages.rgb(background: (220, 20, 30))
        var cmyk = [UInt8](repeating: 0, count: 295 * 413 * 4)
        for p in 0..<(295 * 413) {
            let r = Double(rgb[p * 3]) / 255, g = Double(rgb[p * 3 + 1]) / 255, b = Double(rgb[p * 3 + 2]) / 255
            let k = 1 - max(r, g, b)
            let d = 1 - k
            for (c, v) in [(1 - r - k) / d, (1 - g - k) / d, (1 - b - k) / d, k].enumerated() { cmyk[p * 4 + c] = 255 - UInt8(v * 255) }
        }
        let bytes = TestImages.jpeg(cmyk, format: TJPF_CMYK, channels: 4, subsampling: TJSAMP_444)
        guard case .header(let h) = TestImages.inspect(bytes).0 else { Issue.record("no header"); return }
        #expect(h.isCMYK && h.hasAdobeMarker)
        #expect(TestImages.background(bytes) == .red)
    }

    @Test func truncatedJPEGFails() {
        let bytes = TestImages.jpeg(TestImages.rgb(background: (220, 20, 30)))
        let (_, result) = TestImages.inspect(Array(bytes.prefix(bytes.count * 6 / 10)))
        guard case .failed(let failure)? = result else { Issue.record("a truncated JPEG decoded"); return }
        #expect(failure == .truncated)
    }

    @Test func garbageAfterTheHeaderFails() {
        var bytes = TestImages.jpeg(TestImages.rgb(background: (220, 20, 30)))
        // Keep the headers, replace the entropy-coded data by a pattern full of invalid markers.
        let sos = (0..<(bytes.count - 1)).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xDA }!
        for i in (sos + 20)..<(bytes.count - 2) { bytes[i] = i % 2 == 0 ? 0xFF : 0xD3 }
        let (_, result) = TestImages.inspect(bytes)
        guard case .failed? = result else { Issue.record("garbage decoded"); return }
    }

    @Test func hostileHeaders() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for (name, side) in [("huge-header.png", 100_000), ("huge-header.jpg", 65_000)] {
            let data = try Data(contentsOf: root.appendingPathComponent("fixtures/external/" + name))
            let result = data.withUnsafeBytes { raw -> (ImageHeaderResult, PhotoDecodeResult?) in
                let header = ImageHeader.read(raw)
                guard case .header(let h) = header else { return (header, nil) }
                return (header, ImageDecoder().decode(raw, header: h))
            }
            guard case .header(let h) = result.0 else { Issue.record("\(name): no header"); continue }
            #expect(h.width == side && h.height == side)
            guard case .failed(.tooManyPixels)? = result.1 else { Issue.record("\(name) was decoded"); continue }
        }
        // A segment length pointing past the end.
        let lying: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xF0, 0x45, 0x78]
        #expect(lying.withUnsafeBytes { ImageHeader.read($0) } == .corrupt(reason: "JPEG segment runs past the end of the file"))
        #expect([UInt8]().withUnsafeBytes { ImageHeader.read($0) } == .notAnImage(detected: "empty"))
    }

    @Test func otherFormatsAreNamed() {
        func sniff(_ bytes: [UInt8]) -> ImageHeaderResult { bytes.withUnsafeBytes { ImageHeader.read($0) } }
        #expect(sniff([0, 0, 0, 0x18] + Array("ftypheic".utf8) + [0, 0]) == .notAnImage(detected: "HEIC"))
        #expect(sniff(Array("GIF89a".utf8) + [1, 0]) == .notAnImage(detected: "GIF"))
        #expect(sniff(Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8 ".utf8)) == .notAnImage(detected: "WebP"))
        #expect(sniff(Array("%PDF-1.7".utf8)) == .notAnImage(detected: "PDF"))
        #expect(sniff(Array("BM".utf8) + [0, 0, 0]) == .notAnImage(detected: "BMP"))
    }
}
