import CPNG
import CTurboJPEG

/// Why a photo could not be decoded.
public enum PhotoDecodeFailure: Sendable, Equatable {
    /// The data ends early (an interrupted upload or copy).
    case truncated
    /// The data is damaged; `detail` is the decoder's own words.
    case corrupt(String)
    /// The image claims more pixels than kaowu decodes.
    case tooManyPixels

    /// The failure in the user's language.
    public func describe(_ english: Bool) -> String {
        switch self {
        case .truncated: return english ? "the file is truncated (incomplete)" : "文件不完整（被截断）"
        case .corrupt(let d): return (english ? "the data is damaged: " : "数据损坏：") + d
        case .tooManyPixels: return english ? "too many pixels to decode" : "像素过多，拒绝解码"
        }
    }
}

/// A decoded photo: its header and the measured background.
public struct DecodedPhoto: Sendable {
    public let header: ImageHeader
    public let background: BackgroundReading
}

/// The outcome of decoding one photo.
public enum PhotoDecodeResult: Sendable {
    case decoded(DecodedPhoto)
    case failed(PhotoDecodeFailure)
}

/// Decodes JPEGs (TurboJPEG, at ¼ scale: the whole entropy-coded data is still decoded, so truncation and
/// corruption are caught, at a fraction of the cost) and PNGs (libpng), then measures the background.
/// Owns one TurboJPEG handle: use one decoder per thread.
public final class ImageDecoder {
    private let jpeg: tjhandle?
    /// Decoding refuses images with more pixels than this, whatever the caller checked.
    public static let maxPixels = 40_000_000

    public init() { jpeg = tjInitDecompress() }
    deinit { if let jpeg { tjDestroy(jpeg) } }

    public func decode(_ bytes: UnsafeRawBufferPointer, header: ImageHeader) -> PhotoDecodeResult {
        guard header.width * header.height <= Self.maxPixels else { return .failed(.tooManyPixels) }
        switch header.format {
        case .jpeg: return decodeJPEG(bytes, header)
        case .png: return decodePNG(bytes, header)
        }
    }

    private func decodeJPEG(_ bytes: UnsafeRawBufferPointer, _ header: ImageHeader) -> PhotoDecodeResult {
        guard let jpeg, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return .failed(.corrupt("no decoder")) }
        let scale = header.width >= 128 && header.height >= 128 ? 8 : 1
        let width = (header.width + scale - 1) / scale, height = (header.height + scale - 1) / scale
        let channels = header.isCMYK ? 4 : 3
        var pixels = [UInt8](repeating: 0, count: width * height * channels)
        let format = header.isCMYK ? TJPF_CMYK : TJPF_RGB
        let status = pixels.withUnsafeMutableBufferPointer { out in
            tjDecompress2(jpeg, base, UInt(bytes.count), out.baseAddress, Int32(width), 0, Int32(height), Int32(format.rawValue), 0)
        }
        if status != 0 {
            let message = String(cString: tjGetErrorStr2(jpeg))
            if message.lowercased().contains("premature end") { return .failed(.truncated) }
            if tjGetErrorCode(jpeg) != Int32(TJERR_WARNING.rawValue) { return .failed(.corrupt(message)) }
            // Other warnings (extraneous bytes before a marker, …): the picture decodes and shows.
        }
        if header.isCMYK {
            pixels = Self.rgb(fromCMYK: pixels, inverted: header.hasAdobeMarker)
        }
        return .decoded(DecodedPhoto(header: header, background: BackgroundReading.measure(rgb: pixels, width: width, height: height)))
    }

    private func decodePNG(_ bytes: UnsafeRawBufferPointer, _ header: ImageHeader) -> PhotoDecodeResult {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        guard png_image_begin_read_from_memory(&image, bytes.baseAddress, bytes.count) != 0 else {
            defer { png_image_free(&image) }
            return .failed(.corrupt(Self.message(&image)))
        }
        image.format = UInt32(PNG_FORMAT_RGB)
        let width = Int(image.width), height = Int(image.height)
        guard width * height <= Self.maxPixels else { png_image_free(&image); return .failed(.tooManyPixels) }
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        var white = png_color(red: 255, green: 255, blue: 255)
        let ok = pixels.withUnsafeMutableBytes { png_image_finish_read(&image, &white, $0.baseAddress, 0, nil) }
        if ok == 0 {
            let message = Self.message(&image)
            png_image_free(&image)
            let lower = message.lowercased()
            if lower.contains("not enough") || lower.contains("end") || lower.contains("truncat") { return .failed(.truncated) }
            return .failed(.corrupt(message))
        }
        png_image_free(&image)
        return .decoded(DecodedPhoto(header: header, background: BackgroundReading.measure(rgb: pixels, width: width, height: height)))
    }

    private static func message(_ image: inout png_image) -> String {
        withUnsafeBytes(of: &image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// Converts CMYK (Adobe-inverted when `inverted`) to RGB.
    public static func rgb(fromCMYK cmyk: [UInt8], inverted: Bool) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: cmyk.count / 4 * 3)
        for p in 0..<(cmyk.count / 4) {
            var c = Int(cmyk[p * 4]), m = Int(cmyk[p * 4 + 1]), y = Int(cmyk[p * 4 + 2]), k = Int(cmyk[p * 4 + 3])
            if inverted { c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k }
            out[p * 3] = UInt8((255 - c) * (255 - k) / 255)
            out[p * 3 + 1] = UInt8((255 - m) * (255 - k) / 255)
            out[p * 3 + 2] = UInt8((255 - y) * (255 - k) / 255)
        }
        return out
    }
}
