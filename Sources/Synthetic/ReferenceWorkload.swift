import Foundation
import Render
import Support

/// The yardstick `kaowu bench` measures beside every figure, in the same run: plain Cairo output on one
/// thread (`PlainCairoPages`, Cairo's own calls, so kaowu's optimisations do not move it) — `pages` A5
/// pages, each one distinct embedded JPEG photo and one line of text — what a page costs on this machine
/// at this moment. A figure divided by it compares across machines and days (this machine's speed varies
/// by a third within an hour).
public enum ReferenceWorkload {
    public static let pages = 5_000

    /// Seconds for the reference pages (the fastest of `repeats` runs), written to a file in `directory`.
    public static func measure(directory: String, repeats: Int = 1) throws -> Double {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let painter = PhotoPainter()
        let pool = (0..<16).map { painter.jpeg(background: PhotoPainter.Background.allCases[$0 % 3], variant: $0) }
        let path = directory + "/reference.pdf"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var best = Double.infinity
        for _ in 0..<max(1, repeats) {
            let start = ContinuousClock.now
            try PlainCairoPages.write(to: path, pages: pages, photos: pool, width: 295, height: 413)
            best = min(best, (ContinuousClock.now - start).seconds)
        }
        return best
    }
}
