import Foundation

/// A holder's photo as a verification page may show it: turned the way it is printed (Exif orientation
/// applied), no larger than an ID photo (295 × 413, scaled down by area averaging when larger) and encoded
/// afresh as a plain JPEG, so that nothing of the original file but the picture — no Exif, GPS position,
/// camera or editing metadata — is published.
public enum PublishedPhoto {
    /// The largest size kept, in pixels (a 1-inch ID photo at 300 dpi).
    public static let maxWidth = 295
    public static let maxHeight = 413

    /// The published JPEG of a JPEG or PNG photo file, or nil when the file cannot be decoded.
    public static func make(from bytes: [UInt8], quality: Int = 85) -> [UInt8]? {
        let decoded: (RGBPixels, ExifOrientation)? = bytes.withUnsafeBytes { raw in
            guard case .header(let header) = ImageHeader.read(raw) else { return nil }
            let decoder = ImageDecoder()
            switch header.format {
            case .jpeg: return decoder.rgbPixels(ofJPEG: raw).map { ($0, header.orientation) }
            case .png: return decoder.rgbPixels(ofPNG: raw).map { ($0, header.orientation) }
            }
        }
        guard let (stored, orientation) = decoded else { return nil }
        let upright = turned(stored, orientation)
        return JPEGCompressor().compress(scaledDown(upright), quality: quality)
    }

    /// The pixels as shown.
    static func turned(_ p: RGBPixels, _ orientation: ExifOrientation) -> RGBPixels {
        guard orientation != .up else { return p }
        let (w, h) = orientation.displayed(width: p.width, height: p.height)
        var out = [UInt8](repeating: 0, count: w * h * 3)
        for y in 0..<h {
            for x in 0..<w {
                let s = orientation.storedPixel(x: x, y: y, width: p.width, height: p.height)
                let from = (s.y * p.width + s.x) * 3, to = (y * w + x) * 3
                out[to] = p.rgb[from]; out[to + 1] = p.rgb[from + 1]; out[to + 2] = p.rgb[from + 2]
            }
        }
        return RGBPixels(width: w, height: h, rgb: out)
    }

    /// The pixels fitted inside `maxWidth` × `maxHeight` (aspect kept), each output pixel the average of the
    /// input pixels it covers.
    static func scaledDown(_ p: RGBPixels) -> RGBPixels {
        let scale = min(Double(maxWidth) / Double(p.width), Double(maxHeight) / Double(p.height))
        guard scale < 1 else { return p }
        let w = max(1, Int((Double(p.width) * scale).rounded())), h = max(1, Int((Double(p.height) * scale).rounded()))
        var out = [UInt8](repeating: 0, count: w * h * 3)
        for y in 0..<h {
            let y0 = y * p.height / h, y1 = max(y0 + 1, (y + 1) * p.height / h)
            for x in 0..<w {
                let x0 = x * p.width / w, x1 = max(x0 + 1, (x + 1) * p.width / w)
                var sum = (0, 0, 0)
                for sy in y0..<y1 {
                    for sx in x0..<x1 {
                        let i = (sy * p.width + sx) * 3
                        sum.0 += Int(p.rgb[i]); sum.1 += Int(p.rgb[i + 1]); sum.2 += Int(p.rgb[i + 2])
                    }
                }
                let n = (y1 - y0) * (x1 - x0), o = (y * w + x) * 3
                out[o] = UInt8(sum.0 / n); out[o + 1] = UInt8(sum.1 / n); out[o + 2] = UInt8(sum.2 / n)
            }
        }
        return RGBPixels(width: w, height: h, rgb: out)
    }
}
