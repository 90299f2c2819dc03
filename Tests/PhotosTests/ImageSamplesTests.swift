import CPNG
import CTurboJPEG
import Photos
import Testing

/// A synthetic ID photo: a plain backdrop with slight sensor noise, and a person (hair, face, dark
/// clothes, textured) whose head sits in the upper middle and whose shoulders fill the bottom.
struct SamplePhoto {
    var width = 295
    var height = 413
    var background: (UInt8, UInt8, UInt8)
    /// ± noise on the backdrop.
    var noise = 3
    /// Replaces the backdrop colour at (x, y) when set (for uneven backgrounds).
    var backdrop: (@Sendable (Int, Int) -> (UInt8, UInt8, UInt8))? = nil

    /// What covers pixel (x, y): nil for the backdrop.
    func person(_ x: Int, _ y: Int) -> (Int, Int, Int)? {
        let w = Double(width), h = Double(height), fx = Double(x), fy = Double(y)
        let cx = w / 2, headY = h * 0.38, rx = w * 0.2, ry = h * 0.19
        let head = ((fx - cx) / rx) * ((fx - cx) / rx) + ((fy - headY) / ry) * ((fy - headY) / ry) <= 1
        let shoulders = fy > h * 0.7 && abs(fx - cx) < w * 0.12 + (fy - h * 0.7) * 1.6
        if head { return fy < headY - ry * 0.45 ? (25, 22, 20) : (225, 185, 160) }
        if shoulders { return (35, 38, 48) }
        return nil
    }

    /// Packed RGB, 3 bytes a pixel.
    func rgb() -> [UInt8] {
        var random = SampleRandom(seed: UInt64(background.0) << 16 | UInt64(background.1) << 8 | UInt64(background.2))
        var out = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 3
                if let p = person(x, y) {
                    let t = random.next(in: -14...14)
                    out[i] = clamp(p.0 + t); out[i + 1] = clamp(p.1 + t); out[i + 2] = clamp(p.2 + t)
                } else {
                    let c = backdrop?(x, y) ?? background
                    out[i] = clamp(Int(c.0) + random.next(in: -noise...noise))
                    out[i + 1] = clamp(Int(c.1) + random.next(in: -noise...noise))
                    out[i + 2] = clamp(Int(c.2) + random.next(in: -noise...noise))
                }
            }
        }
        return out
    }

    /// Packed RGBA whose backdrop is fully transparent (the person stays opaque).
    func rgbaWithTransparentBackdrop() -> [UInt8] {
        let rgb = rgb()
        var out = [UInt8](repeating: 0, count: width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                let p = y * width + x
                out[p * 4] = rgb[p * 3]; out[p * 4 + 1] = rgb[p * 3 + 1]; out[p * 4 + 2] = rgb[p * 3 + 2]
                out[p * 4 + 3] = person(x, y) == nil ? 0 : 255
            }
        }
        return out
    }

    /// Luma only.
    func grey() -> [UInt8] {
        let rgb = rgb()
        return (0..<(width * height)).map { (p: Int) -> UInt8 in
            let r = 299 * Int(rgb[p * 3]), g = 587 * Int(rgb[p * 3 + 1]), b = 114 * Int(rgb[p * 3 + 2])
            return UInt8((r + g + b) / 1000)
        }
    }

    /// CMYK as Photoshop stores it in a JPEG: inverted (255 = no ink).
    func invertedCMYK() -> [UInt8] {
        let rgb = rgb()
        var out = [UInt8](repeating: 0, count: width * height * 4)
        for p in 0..<(width * height) {
            let r = Int(rgb[p * 3]), g = Int(rgb[p * 3 + 1]), b = Int(rgb[p * 3 + 2])
            let paper = max(r, g, b, 1)          // 255 − K ink
            out[p * 4] = UInt8(r * 255 / paper)  // 255 − C ink, and so on
            out[p * 4 + 1] = UInt8(g * 255 / paper)
            out[p * 4 + 2] = UInt8(b * 255 / paper)
            out[p * 4 + 3] = UInt8(paper)
        }
        return out
    }

    func jpeg(quality: Int32 = 90, progressive: Bool = false) -> [UInt8] {
        SampleJPEGEncoder().encode(rgb(), width: width, height: height, format: TJPF_RGB, subsampling: TJSAMP_420,
                                   quality: quality, progressive: progressive)
    }

    func png() -> [UInt8] { SamplePNG.encode(rgb(), width: width, height: height, format: UInt32(PNG_FORMAT_RGB)) }

    private func clamp(_ v: Int) -> UInt8 { UInt8(max(0, min(255, v))) }
}

/// Deterministic xorshift numbers, so samples are the same on every run.
struct SampleRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
    mutating func next() -> UInt64 {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return state
    }
    mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }
}

/// Owns one TurboJPEG compressor handle (test fixtures only).
final class SampleJPEGEncoder {
    private let handle: tjhandle

    init() { handle = tjInitCompress()! }
    deinit { tjDestroy(handle) }

    func encode(_ pixels: [UInt8], width: Int, height: Int, format: TJPF, subsampling: TJSAMP,
                quality: Int32 = 90, progressive: Bool = false) -> [UInt8] {
        var buffer: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        let rc = tjCompress2(handle, pixels, Int32(width), 0, Int32(height), Int32(format.rawValue), &buffer, &size,
                             Int32(subsampling.rawValue), quality, progressive ? TJFLAG_PROGRESSIVE : 0)
        defer { tjFree(buffer) }
        precondition(rc == 0, String(cString: tjGetErrorStr2(handle)))
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }
}

/// libpng's simplified writer (test fixtures only); the `png_image` is freed in `encode`.
enum SamplePNG {
    static func encode(_ pixels: [UInt8], width: Int, height: Int, format: UInt32) -> [UInt8] {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = format
        defer { png_image_free(&image) }
        var size = 0
        guard png_image_write_to_memory(&image, nil, &size, 0, pixels, 0, nil) != 0 else { fatalError("PNG size") }
        var out = [UInt8](repeating: 0, count: size)
        guard png_image_write_to_memory(&image, &out, &size, 0, pixels, 0, nil) != 0 else { fatalError("PNG write") }
        return Array(out.prefix(size))
    }

    /// A PNG chunk with its CRC.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    static func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

/// Header read and (when the header is readable) full decode with a fresh decoder.
func inspect(_ bytes: [UInt8], decoder: ImageDecoder = ImageDecoder()) -> (ImageHeaderResult, PhotoDecodeResult?) {
    bytes.withUnsafeBytes { raw in
        let header = ImageHeader.read(raw)
        guard case .header(let h) = header else { return (header, nil) }
        return (header, decoder.decode(raw, header: h))
    }
}

/// The byte offset of the first `FF marker` pair.
func offset(ofMarker marker: UInt8, in bytes: [UInt8]) -> Int? {
    (0..<(bytes.count - 1)).first { bytes[$0] == 0xFF && bytes[$0 + 1] == marker }
}

@Suite struct ImageSamplesTests {
    @Test func samplesLookLikeIDPhotos() {
        let photo = SamplePhoto(background: (220, 0, 0))
        // The person stays clear of the border that is measured, and covers the bottom middle.
        for y in 0..<(photo.height * 60 / 100) {
            for x in 0..<18 { #expect(photo.person(x, y) == nil && photo.person(photo.width - 1 - x, y) == nil) }
        }
        for x in 0..<photo.width { #expect(photo.person(x, 0) == nil && photo.person(x, 20) == nil) }
        #expect(photo.person(147, 400) != nil && photo.person(147, 150) != nil)
        let jpeg = photo.jpeg()
        #expect(jpeg.count > 10_000 && jpeg.count < 100_000)
        #expect(jpeg.prefix(2) == [0xFF, 0xD8])
        #expect(photo.png().prefix(4) == [0x89, 0x50, 0x4E, 0x47])
    }
}
