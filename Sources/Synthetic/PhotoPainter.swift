import CTurboJPEG
import Foundation

/// Paints plausible ID photos (a plain background, head and shoulders) and encodes them with TurboJPEG.
public final class PhotoPainter {
    private let handle: tjhandle

    /// Background colours of Chinese ID photos.
    public enum Background: String, Sendable, CaseIterable {
        case red, blue, white
        var rgb: (UInt8, UInt8, UInt8) {
            switch self {
            case .red: return (214, 28, 32)
            case .blue: return (67, 142, 219)
            case .white: return (250, 250, 250)
            }
        }
    }

    public init() {
        handle = tjInitCompress()
    }

    deinit { tjDestroy(handle) }

    /// RGB pixels of a `width`×`height` photo; `variant` shifts the person's tones so photos differ.
    public func pixels(width: Int, height: Int, background: Background, variant: Int) -> [UInt8] {
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        let (br, bg, bb) = background.rgb
        let skin = (UInt8(230 - variant % 40), UInt8(190 - variant % 30), UInt8(160 - variant % 25))
        let cloth = (UInt8(30 + variant % 50), UInt8(35 + variant % 40), UInt8(60 + variant % 60))
        let hair = (UInt8(20 + variant % 20), UInt8(18 + variant % 15), UInt8(16 + variant % 10))
        let cx = Double(width) / 2, headY = Double(height) * 0.40
        let headRx = Double(width) * 0.22, headRy = Double(height) * 0.20
        for y in 0..<height {
            for x in 0..<width {
                let dx = (Double(x) - cx) / headRx, dy = (Double(y) - headY) / headRy
                var c = (br, bg, bb)
                let shoulders = Double(y) > Double(height) * 0.68 && abs(Double(x) - cx) < Double(width) * 0.46 - (Double(height) - Double(y)) * 0.5
                if shoulders { c = cloth }
                if dx * dx + dy * dy <= 1 { c = (Double(y) < headY - headRy * 0.55) ? hair : skin }
                let i = (y * width + x) * 3
                rgb[i] = c.0; rgb[i + 1] = c.1; rgb[i + 2] = c.2
            }
        }
        return rgb
    }

    /// A JPEG of the photo (4:2:0, quality 85; `cmyk` writes a 4-component Adobe CMYK JPEG instead).
    /// `serial`, when given, is written as a row of dark and light squares along the bottom edge, so every
    /// photo of a large set is a different picture.
    public func jpeg(width: Int = 295, height: Int = 413, background: Background, variant: Int, cmyk: Bool = false, serial: Int? = nil) -> [UInt8] {
        var pixels = pixels(width: width, height: height, background: background, variant: variant)
        if let serial {
            for bit in 0..<24 where serial >> bit & 1 == 1 {
                for y in (height - 8)..<height {
                    for x in (bit * 8)..<min(width, bit * 8 + 8) {
                        let i = (y * width + x) * 3
                        pixels[i] = 255; pixels[i + 1] = 255; pixels[i + 2] = 255
                    }
                }
            }
        }
        var format = TJPF_RGB
        var subsampling = TJSAMP_420
        if cmyk {
            var converted = [UInt8](repeating: 0, count: width * height * 4)
            for p in 0..<(width * height) {
                let r = Double(pixels[p * 3]) / 255, g = Double(pixels[p * 3 + 1]) / 255, b = Double(pixels[p * 3 + 2]) / 255
                let k = 1 - max(r, g, b)
                let d = k < 1 ? 1 - k : 1
                // Stored inverted, as Photoshop writes CMYK JPEGs (with Adobe's APP14 marker).
                converted[p * 4] = 255 - UInt8((1 - r - k) / d * 255)
                converted[p * 4 + 1] = 255 - UInt8((1 - g - k) / d * 255)
                converted[p * 4 + 2] = 255 - UInt8((1 - b - k) / d * 255)
                converted[p * 4 + 3] = 255 - UInt8(k * 255)
            }
            pixels = converted
            format = TJPF_CMYK
            subsampling = TJSAMP_444
        }
        var buffer: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        let pitch = width * (cmyk ? 4 : 3)
        let status = tjCompress2(handle, pixels, Int32(width), Int32(pitch), Int32(height), Int32(format.rawValue),
                                 &buffer, &size, Int32(subsampling.rawValue), 85, 0)
        defer { tjFree(buffer) }
        guard status == 0, let buffer else { return [] }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }
}
