import Support

/// Decodes a JPEG or PNG fully (so truncated or corrupt files are caught) and measures its
/// background on the picture as shown (the header's EXIF orientation applied). JPEGs are decoded with DCT scaling (1/8 size while both sides stay ≥ 32 px), which
/// still entropy-decodes every byte; four-channel JPEGs are decoded as CMYK and converted to RGB,
/// inverted when they carry Adobe's APP14 marker (as Photoshop writes them). PNGs are decoded at
/// full size with libpng, alpha composited over white.
///
/// Reuses its TurboJPEG handle and pixel buffer between calls, so it is not thread-safe: use one
/// `ImageDecoder` per thread or task, never share one (it is deliberately not `Sendable`).
public final class ImageDecoder {
    /// Largest width × height decoded; bigger images fail with `.tooLarge` without decoding.
    public static let maxPixels = 40_000_000
    /// JPEGs are scaled down as far as possible while both sides stay at least this many pixels.
    static let minimumScaledSide = 32

    private lazy var jpeg: JPEGDecompressor? = JPEGDecompressor()
    private var pixels: [UInt8] = []

    /// A decoder with no resources yet; TurboJPEG is set up on the first JPEG.
    public init() {}

    /// Decodes `bytes`, whose header the caller read with `ImageHeader.read`.
    public func decode(_ bytes: UnsafeRawBufferPointer, header: ImageHeader) -> PhotoDecodeResult {
        if let refusal = refuseSize(width: header.width, height: header.height) { return .failed(refusal) }
        switch header.format {
        case .jpeg: return decodeJPEG(bytes, header: header)
        case .png: return decodePNG(bytes, header: header)
        }
    }

    private func refuseSize(width: Int, height: Int) -> PhotoDecodeFailure? {
        guard width > 0, height > 0 else { return .corrupt(detail: "image size \(width)×\(height)") }
        let (area, overflow) = width.multipliedReportingOverflow(by: height)
        return overflow || area > Self.maxPixels ? .tooLarge(width: width, height: height) : nil
    }

    private func buffer(_ count: Int) {
        if pixels.count < count { pixels = [UInt8](repeating: 0, count: count) }
    }

    // MARK: JPEG

    private func decodeJPEG(_ bytes: UnsafeRawBufferPointer, header: ImageHeader) -> PhotoDecodeResult {
        guard header.bitsPerSample == 8 else {
            return .failed(.unsupported(detail: "\(header.bitsPerSample)-bit JPEG"))
        }
        guard let jpeg else { return .failed(.unsupported(detail: "TurboJPEG could not be initialised")) }
        let (info, headerStatus) = jpeg.readHeader(bytes)
        guard let info else { return .failed(Self.failure(headerStatus, bytes)) }
        if case .warning(let message) = headerStatus, !Self.isHarmless(warning: message) {
            return .failed(Self.failure(headerStatus, bytes))
        }
        guard info.width > 0, info.height > 0 else {   // libjpeg met the end (real or padded) before a frame
            return .failed(JPEGMarkerWalker.endsBeforeFirstScan(bytes) ? .truncated : .corrupt(detail: "JPEG datastream contains no image"))
        }
        if let refusal = refuseSize(width: info.width, height: info.height) { return .failed(refusal) }
        guard info.width == header.width, info.height == header.height else {
            return .failed(.corrupt(detail: "decoder sees \(info.width)×\(info.height), header says \(header.width)×\(header.height)"))
        }

        var denominator = 8
        while denominator > 1, min(JPEGDecompressor.scaled(info.width, 1, denominator),
                                   JPEGDecompressor.scaled(info.height, 1, denominator)) < Self.minimumScaledSide {
            denominator /= 2
        }
        let width = JPEGDecompressor.scaled(info.width, 1, denominator)
        let height = JPEGDecompressor.scaled(info.height, 1, denominator)
        let cmyk = info.isCMYK
        buffer(width * height * (cmyk ? 4 : 3))

        return pixels.withUnsafeMutableBytes { destination in
            switch jpeg.decompress(bytes, into: destination, width: width, height: height, cmyk: cmyk) {
            case .ok: break
            case .warning(let message) where Self.isHarmless(warning: message):
                // TurboJPEG keeps only the first warning, so a later "Premature end" would be hidden.
                guard JPEGMarkerWalker.reachesEndOfImage(bytes) else { return .failed(.truncated) }
            case let status: return .failed(Self.failure(status, bytes))
            }
            if cmyk { Self.convertCMYKToRGB(destination, pixelCount: width * height, inverted: header.hasAdobeMarker) }
            let background = BackgroundReading.measure(rgb: UnsafeRawBufferPointer(destination), width: width,
                                                       height: height, rowBytes: width * 3,
                                                       orientation: header.orientation)
            return .decoded(DecodedPhoto(header: header, background: background))
        }
    }

    /// Warnings after which the picture is whole: stray bytes between segments (common in files from
    /// some cameras and apps) and odd but readable headers (unknown JFIF version, Adobe transform, …).
    /// Damage to the image data itself ("Corrupt JPEG data: bad Huffman code", "… premature end of
    /// data segment", …) and a premature end are not harmless.
    private static func isHarmless(warning message: String) -> Bool {
        if message.contains("Premature end of JPEG file") { return false }
        return !message.hasPrefix("Corrupt JPEG data") || message.contains("extraneous bytes before marker")
    }

    /// Maps libjpeg's message to a failure. Truncation in the image data shows up as the warning
    /// "Premature end of JPEG file" (TurboJPEG returns -1 with TJERR_WARNING); truncation inside the
    /// headers as an error about a marker, so the headers are walked to tell. Other warnings
    /// ("Corrupt JPEG data: …") mean damaged data.
    private static func failure(_ status: JPEGDecompressor.Status, _ bytes: UnsafeRawBufferPointer) -> PhotoDecodeFailure {
        switch status {
        case .ok: return .corrupt(detail: "unknown error")
        case .warning(let message), .fatal(let message):
            if message.contains("Premature end of JPEG file") || JPEGMarkerWalker.endsBeforeFirstScan(bytes) {
                return .truncated
            }
            if message.contains("Unsupported") || message.contains("not supported") || message.contains("omitted at compile time") {
                return .unsupported(detail: message)
            }
            return .corrupt(detail: message)
        }
    }

    /// Converts packed CMYK pixels to packed RGB: R = (255 − C)(255 − K)/255 and so on, after undoing
    /// Adobe's inversion when `inverted` (then R = C·K/255). No colour management: enough to see and
    /// measure colours, not to print them.
    public static func rgb(fromCMYK cmyk: [UInt8], inverted: Bool) -> [UInt8] {
        var pixels = cmyk
        pixels.withUnsafeMutableBytes { convertCMYKToRGB($0, pixelCount: cmyk.count / 4, inverted: inverted) }
        return Array(pixels.prefix(cmyk.count / 4 * 3))
    }

    /// `rgb(fromCMYK:inverted:)` in place: 3 bytes written per 4 read, front to back, so nothing is
    /// overwritten before it is read.
    private static func convertCMYKToRGB(_ p: UnsafeMutableRawBufferPointer, pixelCount: Int, inverted: Bool) {
        // Each value becomes the paper left uncovered (255 − ink), which inverted files store directly.
        func paper(_ stored: UInt8) -> Int { inverted ? Int(stored) : 255 - Int(stored) }
        for i in 0..<pixelCount {
            let c = paper(p[4 * i]), m = paper(p[4 * i + 1]), y = paper(p[4 * i + 2]), k = paper(p[4 * i + 3])
            p[3 * i] = UInt8((c * k + 127) / 255)
            p[3 * i + 1] = UInt8((m * k + 127) / 255)
            p[3 * i + 2] = UInt8((y * k + 127) / 255)
        }
    }

    // MARK: Pixels to show

    /// `bytes` (a JPEG, of any colour space) decoded at full size to packed 8-bit RGB, for drawing: CMYK
    /// converted (Adobe's inversion undone). Nil when it is not a whole, readable JPEG of at most `maxPixels`.
    public func rgbPixels(ofJPEG bytes: UnsafeRawBufferPointer) -> RGBPixels? {
        guard case .header(let header) = ImageHeader.read(bytes), header.format == .jpeg, let jpeg else { return nil }
        let (info, status) = jpeg.readHeader(bytes)
        guard let info, info.width > 0, info.height > 0, refuseSize(width: info.width, height: info.height) == nil else { return nil }
        if case .fatal = status { return nil }
        let cmyk = info.isCMYK
        var output = [UInt8](repeating: 0, count: info.width * info.height * (cmyk ? 4 : 3))
        let decoded = output.withUnsafeMutableBytes { destination -> Bool in
            switch jpeg.decompress(bytes, into: destination, width: info.width, height: info.height, cmyk: cmyk, accurate: true) {
            case .ok, .warning: return true
            case .fatal: return false
            }
        }
        guard decoded else { return nil }
        if cmyk { output = Self.rgb(fromCMYK: output, inverted: header.hasAdobeMarker) }
        return RGBPixels(width: info.width, height: info.height, rgb: output)
    }

    // MARK: PNG

    private func decodePNG(_ bytes: UnsafeRawBufferPointer, header: ImageHeader) -> PhotoDecodeResult {
        let reader = PNGReader()
        if let message = reader.begin(bytes) { return .failed(Self.pngFailure(message)) }
        if let refusal = refuseSize(width: reader.width, height: reader.height) { return .failed(refusal) }
        guard reader.width == header.width, reader.height == header.height else {
            return .failed(.corrupt(detail: "decoder sees \(reader.width)×\(reader.height), header says \(header.width)×\(header.height)"))
        }
        let (width, height) = (reader.width, reader.height)
        buffer(width * height * 3)
        return pixels.withUnsafeMutableBytes { destination in
            if let message = reader.finishRGB(into: destination) { return .failed(Self.pngFailure(message)) }
            guard PNGReader.reachesEndChunk(bytes) else { return .failed(.truncated) }
            let background = BackgroundReading.measure(rgb: UnsafeRawBufferPointer(destination), width: width,
                                                       height: height, rowBytes: width * 3,
                                                       orientation: header.orientation)
            return .decoded(DecodedPhoto(header: header, background: background))
        }
    }

    /// `bytes` (a PNG) decoded at full size to packed 8-bit RGB, alpha composited over white (to scan or
    /// draw). Nil when it is not a whole, readable PNG of at most `maxPixels`.
    public func rgbPixels(ofPNG bytes: UnsafeRawBufferPointer) -> RGBPixels? {
        let reader = PNGReader()
        guard reader.begin(bytes) == nil, refuseSize(width: reader.width, height: reader.height) == nil else { return nil }
        var output = [UInt8](repeating: 0, count: reader.width * reader.height * 3)
        let failure = output.withUnsafeMutableBytes { reader.finishRGB(into: $0) }
        guard failure == nil, PNGReader.reachesEndChunk(bytes) else { return nil }
        return RGBPixels(width: reader.width, height: reader.height, rgb: output)
    }

    /// libpng's memory reader reports running out of data as "read beyond end of data".
    private static func pngFailure(_ message: String) -> PhotoDecodeFailure {
        if message.contains("beyond end of data") || message.contains("Not enough image data") { return .truncated }
        if message.contains("unsupported") || message.contains("not supported") { return .unsupported(detail: message) }
        return .corrupt(detail: message)
    }
}

@available(*, unavailable, message: "ImageDecoder reuses native state; give each thread or task its own")
extension ImageDecoder: Sendable {}
