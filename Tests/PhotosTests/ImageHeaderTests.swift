import CTurboJPEG
import Photos
import Testing

@Suite struct ImageHeaderTests {
    private func header(_ bytes: [UInt8]) -> ImageHeaderResult { bytes.withUnsafeBytes { ImageHeader.read($0) } }

    @Test func baselineJPEG() {
        #expect(header(SamplePhoto(background: (220, 0, 0)).jpeg())
            == .header(ImageHeader(format: .jpeg, width: 295, height: 413, components: 3)))
    }

    @Test func progressiveJPEG() {
        guard case .header(let h) = header(SamplePhoto(background: (67, 142, 219)).jpeg(progressive: true)) else {
            Issue.record("no header"); return
        }
        #expect(h.isProgressive && h.width == 295 && h.height == 413 && h.components == 3)
    }

    /// Fill bytes, a restart marker and stray bytes between segments, APPn and COM segments, Adobe's APP14.
    @Test func markerWalkOverEverythingBeforeTheFrameHeader() {
        let app0: [UInt8] = [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF\0".utf8) + [1, 1, 0, 0, 1, 0, 1, 0, 0]
        let comment: [UInt8] = [0xFF, 0xFE, 0x00, 0x07] + Array("hello".utf8)
        let adobe: [UInt8] = [0xFF, 0xEE, 0x00, 0x0E] + Array("Adobe".utf8) + [0, 100, 0, 0, 0, 0, 2]
        let sof: [UInt8] = [0xFF, 0xC0, 0x00, 0x14, 8, 0x01, 0x9D, 0x01, 0x27, 4,
                            1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1, 4, 0x11, 0]
        let bytes: [UInt8] = [0xFF, 0xD8] + app0 + [0xFF, 0xFF, 0xFF] + comment + [0xFF, 0xD3, 0x12, 0x34] + adobe + sof
            + [0xFF, 0xDA, 0x00, 0x02]
        #expect(header(bytes) == .header(ImageHeader(format: .jpeg, width: 295, height: 413, components: 4, isCMYK: true,
                                                     hasAdobeMarker: true)))
        // SOF2 is progressive; the SOF segment may also end the buffer.
        var progressive = [0xFF, 0xD8] + sof
        progressive[3] = 0xC2
        #expect(header(progressive) == .header(ImageHeader(format: .jpeg, width: 295, height: 413, components: 4,
                                                           isCMYK: true, isProgressive: true)))
    }

    @Test func pngHeaders() {
        let photo = SamplePhoto(width: 40, height: 60, background: (255, 255, 255))
        #expect(header(photo.png()) == .header(ImageHeader(format: .png, width: 40, height: 60, components: 3)))
        let rgba = SamplePNG.encode(photo.rgbaWithTransparentBackdrop(), width: 40, height: 60, format: 3)   // PNG_FORMAT_RGBA
        #expect(header(rgba) == .header(ImageHeader(format: .png, width: 40, height: 60, components: 4)))
        let grey = SamplePNG.encode(photo.grey(), width: 40, height: 60, format: 0)   // PNG_FORMAT_GRAY
        #expect(header(grey) == .header(ImageHeader(format: .png, width: 40, height: 60, components: 1)))
        // 16-bit, Adam7-interlaced, hand-made.
        let interlaced = pngSignature + SamplePNG.chunk("IHDR", SamplePNG.bigEndian(7) + SamplePNG.bigEndian(9) + [16, 2, 0, 0, 1])
        #expect(header(interlaced) == .header(ImageHeader(format: .png, width: 7, height: 9, components: 3,
                                                          isProgressive: true, bitsPerSample: 16)))
    }

    /// The caller rejects such sizes before decoding; the header reader only reports them, allocating nothing.
    @Test func hugePNGHeaderIsReportedAndDecodeRefuses() {
        let huge = hugePNG()
        #expect(header(huge) == .header(ImageHeader(format: .png, width: 100_000, height: 100_000, components: 3)))
        #expect(inspect(huge).1 == .failed(.tooLarge(width: 100_000, height: 100_000)))
        // A header that lies about the size does not fool decode: libpng's own reading of IHDR is checked too.
        let lying = ImageHeader(format: .png, width: 295, height: 413, components: 3)
        #expect(huge.withUnsafeBytes { ImageDecoder().decode($0, header: lying) } == .failed(.tooLarge(width: 100_000, height: 100_000)))
    }

    @Test func hugeJPEGHeaderIsReportedAndDecodeRefuses() {
        var bytes = SamplePhoto(width: 64, height: 64, background: (220, 0, 0)).jpeg()
        let sof = offset(ofMarker: 0xC0, in: bytes)!
        bytes.replaceSubrange((sof + 5)..<(sof + 9), with: [0xFD, 0xE8, 0xFD, 0xE8])   // 65000 × 65000
        #expect(header(bytes) == .header(ImageHeader(format: .jpeg, width: 65_000, height: 65_000, components: 3)))
        #expect(inspect(bytes).1 == .failed(.tooLarge(width: 65_000, height: 65_000)))
        let lying = ImageHeader(format: .jpeg, width: 64, height: 64, components: 3)
        #expect(bytes.withUnsafeBytes { ImageDecoder().decode($0, header: lying) } == .failed(.tooLarge(width: 65_000, height: 65_000)))
    }

    @Test func segmentLengthPastTheEndIsCorrupt() {
        var bytes = SamplePhoto(background: (220, 0, 0)).jpeg()
        // An APP1 segment right after SOI claiming 65,520 bytes, in a file much shorter than that.
        bytes.insert(contentsOf: [0xFF, 0xE1, 0xFF, 0xF0, 0x45, 0x78, 0x69, 0x66], at: 2)
        guard case .corrupt(let reason) = header(bytes) else { Issue.record("accepted: \(header(bytes))"); return }
        #expect(reason.contains("0xE1") && reason.contains("65520"))
        if case .corrupt = header([0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xF0, 0x45, 0x78]) {} else { Issue.record("lying APP1 accepted") }
        if case .corrupt = header([0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x01]) {} else { Issue.record("length 1 accepted") }
        if case .corrupt = header([0xFF, 0xD8, 0xFF]) {} else { Issue.record("bare SOI accepted") }
        if case .corrupt = header([0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x08, 8, 0, 0, 0, 1, 1]) {} else { Issue.record("zero height accepted") }
        if case .corrupt = header([0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 8, 0, 1, 0, 1, 3, 1, 0x11, 0]) {} else {
            Issue.record("SOF listing more components than it holds accepted")
        }
    }

    @Test func randomBytesAfterJPEGMagicAreRefused() {
        var random = SampleRandom(seed: 42)
        let decoder = ImageDecoder()
        for _ in 0..<200 {
            let bytes: [UInt8] = [0xFF, 0xD8, 0xFF] + (0..<Int(random.next() % 4000)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            switch inspect(bytes, decoder: decoder) {
            case (.corrupt, nil), (.header, .failed?): break
            case let other: Issue.record("random bytes accepted: \(other)")
            }
        }
    }

    /// Every prefix of a real JPEG and PNG, and mutated copies: never a crash or an out-of-bounds read.
    @Test func truncatedAndMutatedHeadersNeverCrash() {
        let decoder = ImageDecoder()
        for original in [SamplePhoto(width: 64, height: 80, background: (0, 100, 200)).jpeg(),
                         SamplePhoto(width: 64, height: 80, background: (0, 100, 200)).png()] {
            for length in 0..<min(original.count, 800) { _ = inspect(Array(original.prefix(length)), decoder: decoder) }
            var random = SampleRandom(seed: UInt64(original.count))
            for _ in 0..<300 {
                var bytes = original
                for _ in 0..<(1 + random.next() % 8) {
                    let at = Int(random.next() % UInt64(min(bytes.count, 700)))
                    bytes[at] = UInt8(truncatingIfNeeded: random.next())
                }
                _ = inspect(bytes, decoder: decoder)
            }
        }
    }

    @Test(arguments: [
        ([0, 0, 0, 0x18] + Array("ftypheic".utf8) + [0, 0, 0, 0], "heic"),
        ([0, 0, 0, 0x18] + Array("ftypmif1".utf8), "heic"),
        ([0, 0, 0, 0x1C] + Array("ftypavif".utf8), "avif"),
        (Array("GIF89a".utf8) + [1, 0, 1, 0], "gif"),
        (Array("GIF87a".utf8), "gif"),
        (Array("RIFF".utf8) + [0x24, 0, 0, 0] + Array("WEBPVP8 ".utf8), "webp"),
        (Array("%PDF-1.7\n".utf8), "pdf"),
        (Array("BM".utf8) + [0x36, 0, 0, 0], "bmp"),
        ([0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0], "tiff"),
        ([0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8], "tiff"),
        ([0x50, 0x4B, 0x03, 0x04, 20, 0], "zip"),
        ([], "empty"),
        (Array("name,id\n".utf8), "unknown"),
        ([0xFF], "unknown"),
    ] as [([UInt8], String)])
    func otherFormatsAreNamed(bytes: [UInt8], name: String) {
        #expect(header(bytes) == .notAnImage(detected: name))
        #expect(bytes.withUnsafeBytes { ImageFormat.detect($0) } == nil)
    }

    @Test func pngHeaderProblems() {
        #expect(header(Array(hugePNG().prefix(20))) == .corrupt(reason: "PNG ends inside its IHDR header (truncated)"))
        let cgbi = pngSignature + SamplePNG.chunk("CgBI", [0x50, 0, 0x20, 2]) + Array(hugePNG().dropFirst(8))
        guard case .corrupt(let reason) = header(cgbi) else { Issue.record("CgBI accepted"); return }
        #expect(reason.contains("CgBI"))
        let badDepth = pngSignature + SamplePNG.chunk("IHDR", SamplePNG.bigEndian(7) + SamplePNG.bigEndian(9) + [4, 2, 0, 0, 0])
        if case .corrupt = header(badDepth) {} else { Issue.record("4-bit RGB accepted") }
        let zeroWidth = pngSignature + SamplePNG.chunk("IHDR", SamplePNG.bigEndian(0) + SamplePNG.bigEndian(9) + [8, 2, 0, 0, 0])
        if case .corrupt = header(zeroWidth) {} else { Issue.record("zero width accepted") }
    }
}

let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

/// A well-formed PNG start whose IHDR claims 100,000 × 100,000 RGB pixels, with a tiny IDAT.
func hugePNG() -> [UInt8] {
    pngSignature
        + SamplePNG.chunk("IHDR", SamplePNG.bigEndian(100_000) + SamplePNG.bigEndian(100_000) + [8, 2, 0, 0, 0])
        + SamplePNG.chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])
        + SamplePNG.chunk("IEND", [])
}
