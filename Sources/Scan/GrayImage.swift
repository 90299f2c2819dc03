import Photos

/// An 8-bit gray picture (one byte a pixel, rows without padding), as zbar scans it (Y800).
struct GrayImage {
    let width: Int
    let height: Int
    let pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Luma of packed RGB (ITU-R BT.601 weights, in integers).
    init(_ rgb: RGBPixels) {
        width = rgb.width
        height = rgb.height
        var gray = [UInt8](repeating: 0, count: rgb.width * rgb.height)
        rgb.rgb.withUnsafeBufferPointer { source in
            for i in 0..<gray.count {
                let r = Int(source[3 * i]), g = Int(source[3 * i + 1]), b = Int(source[3 * i + 2])
                gray[i] = UInt8((299 * r + 587 * g + 114 * b + 500) / 1000)
            }
        }
        pixels = gray
    }

    /// Half the width and height, each pixel the mean of a 2×2 block (a phone photo's QR code is often
    /// found only at a smaller scale, where sensor noise and blur average out).
    func halved() -> GrayImage? {
        let w = width / 2, h = height / 2
        guard w >= 21, h >= 21 else { return nil }         // smaller than the smallest QR symbol
        var result = [UInt8](repeating: 0, count: w * h)
        pixels.withUnsafeBufferPointer { p in
            for y in 0..<h {
                let top = 2 * y * width, bottom = top + width
                for x in 0..<w {
                    let sum = Int(p[top + 2 * x]) + Int(p[top + 2 * x + 1]) + Int(p[bottom + 2 * x]) + Int(p[bottom + 2 * x + 1])
                    result[y * w + x] = UInt8((sum + 2) / 4)
                }
            }
        }
        return GrayImage(width: w, height: h, pixels: result)
    }
}
