import Foundation
import Render
import Support

/// The yardstick `kaowu bench` measures beside every figure, in the same run: plain Cairo output on one
/// thread — `pages` A5 pages, each one distinct embedded JPEG photo and one line of text — the floor of
/// what a page costs on this machine at this moment. A figure divided by it compares across machines and
/// days (this machine's speed varies by a third within an hour).
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
            let canvas = try Canvas(path: path, width: 148, height: 210, title: "reference", created: "2026-01-01T00:00:00+08:00")
            var style = TextStyle()
            style.size = 12
            for k in 0..<pages {
                if k > 0 { canvas.newPage() }
                if let photo = JPEGImage(pool[k % pool.count], id: "reference-\(k)", decodePixels: false) {
                    canvas.draw(photo, in: Box(x: 20, y: 20, width: 26, height: 35))
                }
                canvas.draw(text: "准考证号 26A\(100_000 + k)", in: Box(x: 20, y: 60, width: 100, height: 8), style: style)
            }
            try canvas.finish()
            best = min(best, (ContinuousClock.now - start).seconds)
        }
        return best
    }
}
