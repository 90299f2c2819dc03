import CTurboJPEG
import Photos
import Testing

@Suite struct ImageInspectionTests {
    private func decoded(_ bytes: [UInt8], decoder: ImageDecoder = ImageDecoder()) -> DecodedPhoto? {
        let (header, result) = inspect(bytes, decoder: decoder)
        guard case .decoded(let photo)? = result else { Issue.record("not decoded: \(header) \(String(describing: result))"); return nil }
        return photo
    }

    @Test(arguments: [
        ((220, 0, 0), BackgroundColour.red), ((200, 30, 40), .red), ((230, 20, 30), .red),
        ((67, 142, 219), .blue), ((0, 100, 200), .blue), ((60, 140, 220), .blue), ((0, 191, 243), .blue),
        ((255, 255, 255), .white), ((245, 245, 245), .white), ((225, 228, 232), .white),
        ((128, 128, 128), .other), ((40, 160, 60), .other), ((240, 200, 120), .other),
    ] as [((UInt8, UInt8, UInt8), BackgroundColour)])
    func jpegBackgrounds(rgb: (UInt8, UInt8, UInt8), expected: BackgroundColour) throws {
        let photo = try #require(decoded(SamplePhoto(background: rgb).jpeg()))
        #expect(photo.header == ImageHeader(format: .jpeg, width: 295, height: 413, components: 3))
        #expect(photo.background.colour == expected, "\(rgb) measured \(photo.background)")
        #expect(photo.background.uniform, "\(photo.background)")
        #expect(abs(photo.background.red - Int(rgb.0)) <= 6 && abs(photo.background.green - Int(rgb.1)) <= 6
                && abs(photo.background.blue - Int(rgb.2)) <= 6, "\(rgb) measured \(photo.background)")
    }

    @Test(arguments: [((220, 0, 0), BackgroundColour.red), ((67, 142, 219), .blue), ((255, 255, 255), .white)]
          as [((UInt8, UInt8, UInt8), BackgroundColour)])
    func pngBackgrounds(rgb: (UInt8, UInt8, UInt8), expected: BackgroundColour) throws {
        let photo = try #require(decoded(SamplePhoto(background: rgb).png()))
        #expect(photo.header == ImageHeader(format: .png, width: 295, height: 413, components: 3))
        #expect(photo.background.colour == expected && photo.background.uniform, "\(photo.background)")
    }

    @Test func transparentPNGBackdropCountsAsWhite() throws {
        let sample = SamplePhoto(background: (0, 100, 200))
        let bytes = SamplePNG.encode(sample.rgbaWithTransparentBackdrop(), width: 295, height: 413, format: 3)  // RGBA
        let photo = try #require(decoded(bytes))
        #expect(photo.header.components == 4)
        #expect(photo.background.colour == .white && photo.background.red == 255 && photo.background.uniform)
    }

    @Test func progressiveJPEG() throws {
        let photo = try #require(decoded(SamplePhoto(background: (0, 100, 200)).jpeg(progressive: true)))
        #expect(photo.header.isProgressive && photo.background.colour == .blue)
    }

    @Test func greyscaleJPEG() throws {
        let encoder = SampleJPEGEncoder()
        let white = encoder.encode(SamplePhoto(background: (250, 250, 250)).grey(), width: 295, height: 413,
                                   format: TJPF_GRAY, subsampling: TJSAMP_GRAY)
        let photo = try #require(decoded(white))
        #expect(photo.header == ImageHeader(format: .jpeg, width: 295, height: 413, components: 1))
        #expect(photo.background.colour == .white)
        #expect(photo.background.red == photo.background.green && photo.background.green == photo.background.blue)
        // A red backdrop photographed in greyscale is no longer red.
        let red = encoder.encode(SamplePhoto(background: (220, 0, 0)).grey(), width: 295, height: 413,
                                 format: TJPF_GRAY, subsampling: TJSAMP_GRAY)
        #expect(try #require(decoded(red)).background.colour == .other)
    }

    /// TurboJPEG writes CMYK as an Adobe-marked YCCK JPEG; the values given are Photoshop-style inverted.
    @Test(arguments: [((220, 0, 0), BackgroundColour.red), ((200, 30, 40), .red), ((67, 142, 219), .blue),
                      ((255, 255, 255), .white)] as [((UInt8, UInt8, UInt8), BackgroundColour)])
    func cmykJPEG(rgb: (UInt8, UInt8, UInt8), expected: BackgroundColour) throws {
        let sample = SamplePhoto(background: rgb)
        for subsampling in [TJSAMP_444, TJSAMP_420] {
            let bytes = SampleJPEGEncoder().encode(sample.invertedCMYK(), width: 295, height: 413, format: TJPF_CMYK,
                                                   subsampling: subsampling)
            let photo = try #require(decoded(bytes))
            #expect(photo.header == ImageHeader(format: .jpeg, width: 295, height: 413, components: 4, isCMYK: true,
                                                hasAdobeMarker: true))
            #expect(photo.background.colour == expected, "\(rgb) measured \(photo.background)")
            #expect(abs(photo.background.red - Int(rgb.0)) <= 8 && abs(photo.background.blue - Int(rgb.2)) <= 8,
                    "\(rgb) measured \(photo.background)")
        }
    }

    @Test func cmykConversion() {
        // Inverted (Adobe): stored 255 = no ink. Plain: stored 0 = no ink.
        #expect(ImageDecoder.rgb(fromCMYK: [255, 35, 35, 220], inverted: true) == [220, 30, 30])
        #expect(ImageDecoder.rgb(fromCMYK: [0, 220, 220, 35], inverted: false) == [220, 30, 30])
        #expect(ImageDecoder.rgb(fromCMYK: [255, 255, 255, 255, 0, 0, 0, 0], inverted: true) == [255, 255, 255, 0, 0, 0])
    }

    @Test(arguments: [60, 30, 90, 99])
    func truncatedJPEG(percent: Int) {
        for progressive in [false, true] {
            let bytes = SamplePhoto(background: (220, 0, 0)).jpeg(progressive: progressive)
            let cut = Array(bytes.prefix(bytes.count * percent / 100))
            #expect(inspect(cut).1 == .failed(.truncated), "\(percent) % progressive: \(progressive)")
        }
    }

    /// Cut between the frame header and the image data: libjpeg says "Bogus marker length", still truncated.
    @Test func jpegCutInItsHeadersIsTruncated() throws {
        let bytes = SamplePhoto(background: (220, 0, 0)).jpeg()
        let sof = try #require(offset(ofMarker: 0xC0, in: bytes)), sos = try #require(offset(ofMarker: 0xDA, in: bytes))
        for cut in stride(from: sof + 30, to: sos + 4, by: 17) {
            #expect(inspect(Array(bytes.prefix(cut))).1 == .failed(.truncated), "cut at \(cut)")
        }
    }

    /// A file missing only its final EOI marker is incomplete too (libjpeg: "Premature end of JPEG file").
    @Test func jpegWithoutEndMarkerIsTruncated() {
        let bytes = SamplePhoto(background: (220, 0, 0)).jpeg()
        #expect(bytes.suffix(2) == [0xFF, 0xD9])
        #expect(inspect(Array(bytes.dropLast(2))).1 == .failed(.truncated))
    }

    @Test func truncatedPNG() {
        let bytes = SamplePhoto(background: (220, 0, 0)).png()
        for percent in [20, 60, 99] {
            #expect(inspect(Array(bytes.prefix(bytes.count * percent / 100))).1 == .failed(.truncated), "\(percent) %")
        }
        #expect(inspect(Array(bytes.dropLast(12))).1 == .failed(.truncated), "without IEND")
    }

    /// Stray bytes between segments make libjpeg warn ("N extraneous bytes before marker"); the picture is
    /// whole, so it decodes, unless the file is also cut off (the warning then hides the premature end).
    @Test func strayBytesBetweenSegments() throws {
        let bytes = SamplePhoto(background: (0, 100, 200)).jpeg()
        let dqt = try #require(offset(ofMarker: 0xDB, in: bytes))
        let beforeEnd = Array(bytes.dropLast(2)) + [0x12, 0x34, 0x56, 0xFF, 0xD9]
        let beforeTables = Array(bytes[..<dqt]) + [0x00, 0x12, 0x34] + Array(bytes[dqt...])
        let withTrailer = beforeTables + Array("trailer appended after EOI, as some phones do".utf8) + [0xFF, 0xDA, 0, 4]
        for (name, variant) in [("before EOI", beforeEnd), ("before DQT", beforeTables), ("with trailer", withTrailer)] {
            let result = inspect(variant).1
            guard case .decoded(let photo)? = result else { Issue.record("\(name): \(String(describing: result))"); continue }
            #expect(photo.background.colour == .blue)
        }
        #expect(inspect(Array(beforeTables.prefix(beforeTables.count * 6 / 10))).1 == .failed(.truncated))
    }

    @Test func damagedJPEGDataIsCorrupt() {
        var bytes = SamplePhoto(background: (220, 0, 0)).jpeg()
        let sos = offset(ofMarker: 0xDA, in: bytes)!
        for i in stride(from: sos + 40, to: bytes.count - 2, by: 2) { bytes[i] = 0xFF; bytes[i + 1] = 0xD3 }
        guard case .failed(.corrupt(let detail))? = inspect(bytes).1 else { Issue.record("decoded: \(inspect(bytes))"); return }
        #expect(detail.contains("Corrupt JPEG data"), "\(detail)")
    }

    @Test func damagedPNGDataIsCorrupt() {
        var bytes = SamplePhoto(background: (220, 0, 0)).png()
        bytes[bytes.count / 2] ^= 0x55   // inside IDAT: its CRC no longer matches
        guard case .failed(.corrupt(let detail))? = inspect(bytes).1 else { Issue.record("decoded: \(inspect(bytes))"); return }
        #expect(!detail.isEmpty)
    }

    @Test func twelveBitJPEGIsUnsupported() {
        var bytes = SamplePhoto(background: (220, 0, 0)).jpeg()
        bytes[offset(ofMarker: 0xC0, in: bytes)! + 4] = 12
        guard case .header(let header) = bytes.withUnsafeBytes({ ImageHeader.read($0) }) else { Issue.record("no header"); return }
        #expect(header.bitsPerSample == 12)
        #expect(inspect(bytes).1 == .failed(.unsupported(detail: "12-bit JPEG")))
    }

    @Test func unevenBackgroundIsNotUniform() throws {
        var sample = SamplePhoto(background: (220, 0, 0))
        sample.backdrop = { x, _ in x < 147 ? (220, 0, 0) : (0, 100, 200) }
        let photo = try #require(decoded(sample.jpeg()))
        #expect(!photo.background.uniform && photo.background.colour == .other, "\(photo.background)")
        sample.backdrop = { _, y in (UInt8(40 + y / 2), UInt8(40 + y / 2), UInt8(40 + y / 2)) }   // a strong gradient
        #expect(try #require(decoded(sample.jpeg())).background.uniform == false)
    }

    /// One decoder, reused across formats and sizes (its buffer grows and shrinks in use).
    @Test func decoderIsReusable() throws {
        let decoder = ImageDecoder()
        let big = SamplePhoto(width: 600, height: 800, background: (0, 100, 200))
        let cases: [([UInt8], BackgroundColour)] = [
            (big.jpeg(), .blue), (SamplePhoto(width: 20, height: 30, background: (220, 0, 0)).jpeg(), .red),
            (SamplePhoto(background: (255, 255, 255)).png(), .white), (big.png(), .blue),
            (SamplePhoto(width: 100, height: 140, background: (220, 0, 0)).jpeg(), .red),
        ]
        for _ in 0..<3 {
            for (bytes, colour) in cases {
                let photo = try #require(decoded(bytes, decoder: decoder))
                #expect(photo.background.colour == colour)
            }
            #expect(inspect(Array(cases[0].0.prefix(5000)), decoder: decoder).1 == .failed(.truncated))
        }
    }

    /// One decoder per task, several at once: TurboJPEG and libpng keep their state per handle.
    @Test func decodersOnSeveralThreads() async {
        let red = SamplePhoto(background: (220, 0, 0)).jpeg(), blue = SamplePhoto(background: (0, 100, 200)).png()
        let cut = Array(red.prefix(red.count / 2))
        let wrong = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let decoder = ImageDecoder()
                    var wrong = 0
                    for _ in 0..<50 {
                        if case .decoded(let p)? = inspect(red, decoder: decoder).1, p.background.colour == .red {} else { wrong += 1 }
                        if case .decoded(let p)? = inspect(blue, decoder: decoder).1, p.background.colour == .blue {} else { wrong += 1 }
                        if inspect(cut, decoder: decoder).1 != .failed(.truncated) { wrong += 1 }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(wrong == 0)
    }

    @Test func failuresAreWordedInBothLanguages() {
        let failures: [PhotoDecodeFailure] = [.truncated, .corrupt(detail: "Bogus marker length"), .unsupported(detail: "12-bit JPEG"),
                                              .tooLarge(width: 9000, height: 9000)]
        for failure in failures {
            #expect(!failure.describe(true).isEmpty && failure.describe(false) != failure.describe(true))
        }
        #expect(PhotoDecodeFailure.truncated.describe(false) == "文件不完整（被截断）")
    }
}
