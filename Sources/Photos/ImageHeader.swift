

/// Header facts of a JPEG or PNG, read without decoding any pixels.
///
/// JPEG: the markers are walked up to the frame header (SOFn); APPn, COM, DQT, DHT and other
/// segments are skipped by their declared length, and fill bytes (runs of `FF`), restart markers and
/// stray bytes between segments are tolerated as libjpeg does. PNG: the signature and the IHDR chunk.
/// Reading never touches a byte past the end of the buffer, whatever the lengths inside it claim.
public struct ImageHeader: Sendable, Equatable {
    /// Container, from the content.
    public let format: ImageFormat
    /// Width in pixels as the header states it (may be absurd; the caller decides what to refuse).
    public let width: Int
    /// Height in pixels as the header states it.
    public let height: Int
    /// Colour channels. JPEG: 1 grey, 3 YCbCr/RGB, 4 CMYK/YCCK. PNG: 1 grey, 2 grey + alpha,
    /// 3 RGB or palette, 4 RGB + alpha.
    public let components: Int
    /// True for a four-channel (CMYK or YCCK) JPEG, which prints fine but many programs show wrongly.
    public let isCMYK: Bool
    /// JPEG: progressive coding (SOF2/6/10/14). PNG: Adam7 interlacing.
    public let isProgressive: Bool
    /// Bits per sample: JPEG 8 (or 12, which is not decodable here); PNG 1, 2, 4, 8 or 16.
    public let bitsPerSample: Int
    /// A JPEG with Adobe's APP14 marker before its first scan. A four-channel JPEG carrying it stores
    /// its CMYK values inverted (0 = full ink), as Photoshop writes them.
    public let hasAdobeMarker: Bool
    /// How the stored pixels must be turned or mirrored to be shown (JPEG APP1 Exif, PNG eXIf chunk);
    /// `.up` when the file has none.
    public let orientation: ExifOrientation

    /// Width in pixels as the photo is shown (after `orientation`): what a person sees and what is printed.
    public var displayedWidth: Int { orientation.swapsSides ? height : width }
    /// Height in pixels as the photo is shown (after `orientation`).
    public var displayedHeight: Int { orientation.swapsSides ? width : height }

    /// Header facts as given; `read` is the usual way to get them.
    public init(format: ImageFormat, width: Int, height: Int, components: Int, isCMYK: Bool = false,
                isProgressive: Bool = false, bitsPerSample: Int = 8, hasAdobeMarker: Bool = false,
                orientation: ExifOrientation = .up) {
        self.format = format
        self.width = width
        self.height = height
        self.components = components
        self.isCMYK = isCMYK
        self.isProgressive = isProgressive
        self.bitsPerSample = bitsPerSample
        self.hasAdobeMarker = hasAdobeMarker
        self.orientation = orientation
    }

    /// Reads the header of a JPEG or PNG held in `bytes`. Safe on any input: truncated files and
    /// lying lengths give `.corrupt`, other containers `.notAnImage` (named by `sniffOtherFormat`).
    public static func read(_ bytes: UnsafeRawBufferPointer) -> ImageHeaderResult {
        switch ImageFormat.detect(bytes) {
        case .jpeg: return readJPEG(bytes)
        case .png: return readPNG(bytes)
        case nil: return .notAnImage(detected: sniffOtherFormat(bytes))
        }
    }

    private static func readJPEG(_ bytes: UnsafeRawBufferPointer) -> ImageHeaderResult {
        var walker = JPEGMarkerWalker(bytes)
        var adobe = false
        var orientation: ExifOrientation?
        var frame: ImageHeader?
        while true {
            switch walker.next() {
            case .segment(let marker, let payload):
                if marker == 0xEE, payload.count >= 5, bytes[payload.lowerBound..<payload.lowerBound + 5].elementsEqual("Adobe".utf8) {
                    adobe = true
                }
                // The first Exif APP1 counts (an XMP APP1 may come before or after it).
                if marker == 0xE1, orientation == nil, payload.count >= 6,
                   bytes[payload.lowerBound..<payload.lowerBound + 6].elementsEqual("Exif\0\0".utf8) {
                    orientation = ExifOrientation.read(exif: UnsafeRawBufferPointer(rebasing: bytes[payload]))
                }
                if frame == nil, isStartOfFrame(marker) {
                    switch frameHeader(marker: marker, bytes, payload: payload) {
                    case .header(let header): frame = header
                    case let failure: return failure
                    }
                }
            case .startOfScan:
                // The frame header comes before the first scan; APP14 almost always before the frame
                // header, but libjpeg honours it anywhere before the scan, so look that far.
                guard let frame else { return .corrupt(reason: "JPEG scan data comes before its frame header") }
                return .header(frame.with(adobe: adobe, orientation: orientation ?? .up))
            case .end:
                guard let frame else { return .corrupt(reason: "JPEG ends before its frame header (truncated)") }
                return .header(frame.with(adobe: adobe, orientation: orientation ?? .up))
            case .failure(let reason), .overrun(let reason):
                // Damage after the frame header is the decoder's business (it will report it).
                guard let frame else { return .corrupt(reason: reason) }
                return .header(frame.with(adobe: adobe, orientation: orientation ?? .up))
            }
        }
    }

    private func with(adobe: Bool, orientation: ExifOrientation) -> ImageHeader {
        ImageHeader(format: format, width: width, height: height, components: components, isCMYK: isCMYK,
                    isProgressive: isProgressive, bitsPerSample: bitsPerSample, hasAdobeMarker: adobe,
                    orientation: orientation)
    }

    /// SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    private static func isStartOfFrame(_ marker: UInt8) -> Bool {
        (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
    }

    /// Parses an SOF segment; `payload` (after the length field) lies inside `b`.
    private static func frameHeader(marker: UInt8, _ b: UnsafeRawBufferPointer, payload: Range<Int>) -> ImageHeaderResult {
        guard payload.count >= 6 else { return .corrupt(reason: "JPEG frame header is too short (\(payload.count + 2) bytes)") }
        let s = payload.lowerBound
        let precision = Int(b[s])
        let height = Int(b[s + 1]) << 8 | Int(b[s + 2])
        let width = Int(b[s + 3]) << 8 | Int(b[s + 4])
        let components = Int(b[s + 5])
        guard components > 0, payload.count >= 6 + 3 * components else {
            return .corrupt(reason: "JPEG frame header lists \(components) components in \(payload.count + 2) bytes")
        }
        guard width > 0 else { return .corrupt(reason: "JPEG frame header gives width 0") }
        guard height > 0 else { return .corrupt(reason: "JPEG frame header gives height 0 (DNL marker, not supported)") }
        return .header(ImageHeader(format: .jpeg, width: width, height: height, components: components,
                                   isCMYK: components == 4,
                                   isProgressive: [0xC2, 0xC6, 0xCA, 0xCE].contains(marker),
                                   bitsPerSample: precision))
    }

    private static func readPNG(_ b: UnsafeRawBufferPointer) -> ImageHeaderResult {
        // signature (8) + chunk length (4) + type (4) + IHDR data (13)
        guard b.count >= 29 else { return .corrupt(reason: "PNG ends inside its IHDR header (truncated)") }
        func be32(_ o: Int) -> Int { Int(b[o]) << 24 | Int(b[o + 1]) << 16 | Int(b[o + 2]) << 8 | Int(b[o + 3]) }
        let type = String(decoding: b[12..<16], as: UTF8.self)
        if type == "CgBI" {
            return .corrupt(reason: "Apple-optimised PNG (CgBI chunk), not a standard PNG; re-save it as a normal PNG or JPEG")
        }
        guard type == "IHDR" else { return .corrupt(reason: "PNG does not start with an IHDR chunk") }
        guard be32(8) == 13 else { return .corrupt(reason: "PNG IHDR chunk has length \(be32(8)), not 13") }
        let width = be32(16), height = be32(20)
        let depth = Int(b[24]), colourType = b[25]
        guard (1...0x7FFF_FFFF).contains(width), (1...0x7FFF_FFFF).contains(height) else {
            return .corrupt(reason: "PNG IHDR gives impossible size \(width)×\(height)")
        }
        let components: Int
        let allowedDepths: [Int]
        switch colourType {
        case 0: components = 1; allowedDepths = [1, 2, 4, 8, 16]
        case 2: components = 3; allowedDepths = [8, 16]
        case 3: components = 3; allowedDepths = [1, 2, 4, 8]
        case 4: components = 2; allowedDepths = [8, 16]
        case 6: components = 4; allowedDepths = [8, 16]
        default: return .corrupt(reason: "PNG IHDR has unknown colour type \(colourType)")
        }
        guard allowedDepths.contains(depth) else {
            return .corrupt(reason: "PNG IHDR has bit depth \(depth), not allowed for colour type \(colourType)")
        }
        guard b[26] == 0, b[27] == 0, b[28] <= 1 else {
            return .corrupt(reason: "PNG IHDR has unknown compression, filter or interlace method")
        }
        return .header(ImageHeader(format: .png, width: width, height: height, components: components,
                                   isCMYK: false, isProgressive: b[28] == 1, bitsPerSample: depth,
                                   orientation: pngOrientation(b)))
    }

    /// The orientation in a PNG's eXIf chunk, looked for between IHDR and the image data (where the PNG
    /// specification puts it); `.up` when there is none or the chunks run past the end.
    private static func pngOrientation(_ b: UnsafeRawBufferPointer) -> ExifOrientation {
        func be32(_ o: Int) -> Int { Int(b[o]) << 24 | Int(b[o + 1]) << 16 | Int(b[o + 2]) << 8 | Int(b[o + 3]) }
        var p = 33                                            // after the signature and the IHDR chunk
        while p + 8 <= b.count {
            let length = be32(p)
            let type = b[(p + 4)..<(p + 8)]
            guard length <= b.count - p - 12 else { return .up }
            if type.elementsEqual("IDAT".utf8) || type.elementsEqual("IEND".utf8) { return .up }
            if type.elementsEqual("eXIf".utf8) {
                return ExifOrientation.read(exif: UnsafeRawBufferPointer(rebasing: b[(p + 8)..<(p + 8 + length)])) ?? .up
            }
            p += 12 + length
        }
        return .up
    }
}
