import Foundation
import Photos
import Testing

/// Decode speed, measured by hand: `KAOWU_PHOTO_BENCH=1 swift test -c release --filter ImageBenchmark`.
/// Prints the time per photo; asserts nothing about time.
@Suite struct ImageBenchmarkTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["KAOWU_PHOTO_BENCH"] != nil))
    func decodeSpeed() {
        let colours: [(UInt8, UInt8, UInt8)] = [(220, 0, 0), (67, 142, 219), (255, 255, 255), (0, 100, 200)]
        let jpegs = colours.map { SamplePhoto(background: $0).jpeg() }
        let progressive = colours.map { SamplePhoto(background: $0).jpeg(progressive: true) }
        let pngs = colours.map { SamplePhoto(background: $0).png() }
        let decoder = ImageDecoder()
        func measure(_ name: String, _ samples: [[UInt8]], count: Int) {
            var classified = 0
            let clock = ContinuousClock()
            let elapsed = clock.measure {
                for i in 0..<count {
                    samples[i % samples.count].withUnsafeBytes { raw in
                        guard case .header(let header) = ImageHeader.read(raw) else { return }
                        if case .decoded(let photo) = decoder.decode(raw, header: header), photo.background.colour != .other {
                            classified += 1
                        }
                    }
                }
            }
            let perPhoto = Double(elapsed.components.attoseconds) / 1e15 / Double(count)
                + Double(elapsed.components.seconds) * 1000 / Double(count)
            let sizes = samples.map { String($0.count / 1024) }.joined(separator: "/")
            print("\(name): \(count) photos (\(sizes) KB), \(String(format: "%.3f", perPhoto)) ms each, \(classified) classified")
            #expect(classified == count)
        }
        measure("JPEG baseline 4:2:0 q90", jpegs, count: 2000)
        measure("JPEG progressive", progressive, count: 1000)
        measure("PNG RGB", pngs, count: 400)
    }
}
