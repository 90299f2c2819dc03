import CTurboJPEG
import Foundation
import Render
import Support

/// A simulated phone photo of a printed QR code: the symbol (with its quiet zone) turned by `degrees` on
/// uneven off-white paper, drawn anti-aliased, blurred, with sensor noise, saved as a JPEG.
enum PhotoOfCode {
    static func jpeg(_ code: QRCode, width: Int, height: Int, moduleSide: Double, degrees: Double, seed: UInt64) -> [UInt8] {
        let side = Double(code.size + 8) * moduleSide              // symbol + 4-module quiet zone each side
        let angle = degrees * .pi / 180
        let (c, s) = (cos(angle), sin(angle))
        let (cx, cy) = (Double(width) / 2, Double(height) / 2)
        var gray = [Double](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                var ink = 0.0
                for (dx, dy) in [(0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75)] {   // 4 samples a pixel
                    let px: Double = Double(x) + dx - cx
                    let py: Double = Double(y) + dy - cy
                    let u: Double = c * px + s * py + side / 2
                    let v: Double = c * py - s * px + side / 2
                    let mx = Int((u / moduleSide).rounded(.down)) - 4
                    let my = Int((v / moduleSide).rounded(.down)) - 4
                    if u >= 0, v >= 0, mx >= 0, my >= 0, mx < code.size, my < code.size, code[mx, my] { ink += 0.25 }
                }
                let paper = 225 - 40 * Double(x + y) / Double(width + height)     // light falling off
                gray[y * width + x] = paper - ink * (paper - 35)
            }
        }
        var random = SeededRandom(seed: seed)
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                var sum = 0.0, count = 0.0
                for ny in max(0, y - 1)...min(height - 1, y + 1) {
                    for nx in max(0, x - 1)...min(width - 1, x + 1) { sum += gray[ny * width + nx]; count += 1 }
                }
                let noise = Double(Int(random.next() % 41) - 20)
                let value = UInt8(max(0, min(255, sum / count + noise)))
                rgb[3 * (y * width + x)] = value
                rgb[3 * (y * width + x) + 1] = value
                rgb[3 * (y * width + x) + 2] = UInt8(max(0, min(255, Int(value) - 8)))   // warm light
            }
        }
        guard let handle = tjInitCompress() else { return [] }
        defer { tjDestroy(handle) }
        var buffer: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        let status = tjCompress2(handle, rgb, Int32(width), Int32(width * 3), Int32(height), Int32(TJPF_RGB.rawValue),
                                 &buffer, &size, Int32(TJSAMP_420.rawValue), 80, 0)
        defer { tjFree(buffer) }
        guard status == 0, let buffer else { return [] }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }
}
