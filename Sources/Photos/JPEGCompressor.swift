import CTurboJPEG
import Foundation

/// Encodes RGB pixels as a baseline JPEG through TurboJPEG (the one owner of its compressor handle). The
/// file carries a JFIF header and the picture, no Exif or other metadata.
final class JPEGCompressor {
    private let handle: tjhandle?

    init() {
        handle = tjInitCompress()
    }

    deinit { if let handle { tjDestroy(handle) } }

    /// The JPEG of `pixels` at `quality` (1–100, 4:2:0), or nil when TurboJPEG refuses.
    func compress(_ pixels: RGBPixels, quality: Int) -> [UInt8]? {
        guard let handle, pixels.width > 0, pixels.height > 0, pixels.rgb.count == pixels.width * pixels.height * 3 else { return nil }
        var buffer: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        let status = pixels.rgb.withUnsafeBufferPointer { rgb in
            tjCompress2(handle, rgb.baseAddress, Int32(pixels.width), Int32(pixels.width * 3), Int32(pixels.height), Int32(TJPF_RGB.rawValue),
                        &buffer, &size, Int32(TJSAMP_420.rawValue), Int32(quality), 0)
        }
        defer { if let buffer { tjFree(buffer) } }
        guard status == 0, let buffer else { return nil }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }
}
