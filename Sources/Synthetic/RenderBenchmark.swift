import Archive
import Foundation
import Photos
import Documents
import Render
import Support
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Measures rendering: `pages` admission tickets, each with its own photo (read from a zip on demand, as a
/// print pack does) and QR code, rendered on all cores, in files of `chunk` pages (by default 1,000, or
/// fewer so every thread has a file: each file costs a font subset of its own, about 50 ms for the CJK
/// fonts, and Cairo's memory grows with the pages of a file until it is finished).
public enum RenderBenchmark {
    public struct Result: Sendable {
        public let pages: Int
        public let seconds: Double
        public let peakMegabytes: Double
        public let files: Int
        public let bytes: Int
    }

    /// Writes (once) the photos of `count` distinct invented candidates to `directory`/photos.zip.
    public static func prepare(count: Int, directory: String) throws {
        let zipPath = directory + "/photos.zip"
        if FileManager.default.fileExists(atPath: zipPath) { return }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let zip = try ZipWriter(path: zipPath + ".partial", modified: DemoDataset.fixedTime)
        let painter = PhotoPainter()
        for k in 0..<count {
            try zip.add("\(k).jpg", ZipPayload(painter.jpeg(background: .red, variant: k, serial: k)), compress: false)
        }
        try zip.close()
        try FileManager.default.moveItem(atPath: zipPath + ".partial", toPath: zipPath)
    }

    public static func run(templatePath: String, pages: Int, directory: String, threads: Int, chunk: Int? = nil) throws -> Result {
        let chunk = max(1, chunk ?? min(1000, (pages + max(1, threads) - 1) / max(1, threads)))
        try prepare(count: pages, directory: directory)
        let archive = try SharedArchive(path: directory + "/photos.zip")
        let zip = try ZipReader(path: directory + "/photos.zip")
        var entries: [Int] = Array(repeating: -1, count: pages)
        for i in 0..<zip.count {
            if let info = zip.info(at: i), let name = String(validating: info.rawName, as: UTF8.self),
               let k = Int(name.dropLast(4)), k < pages { entries[k] = i }
        }
        let indexOf = entries
        let output = directory + "/out"
        try? FileManager.default.removeItem(atPath: output)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let chunks = (pages + chunk - 1) / chunk
        let failure = Mutex<String?>(nil)
        let next = Atomic<Int>(0)
        let base = SampleRecords.context
        let start = Date()
        DispatchQueue.concurrentPerform(iterations: max(1, threads)) { _ in
            guard let document = try? PaperRenderer(templatePath: templatePath) else {
                failure.withLock { $0 = "cannot load \(templatePath)" }
                return
            }
            var random = SeededRandom(seed: 1)
            while true {
                let c = next.add(1, ordering: .relaxed).oldValue
                if c >= chunks { break }
                var records: [RenderRecord] = []
                for k in (c * chunk)..<min(pages, (c + 1) * chunk) {
                    let candidate = SyntheticCandidate.make(index: k, random: &random)
                    var values = ["name": candidate.name, "gender": candidate.gender, "id": candidate.id, "school": candidate.school,
                                  "subject": candidate.subject, "seat": String(format: "%02d", k % 30 + 1),
                                  "ticketNumber": "2026A" + String(format: "%07d", k)]
                    values["room.name"] = "第\(String(format: "%02d", k / 30 + 1))考场"
                    var images: [String: PageImage] = [:]
                    if let bytes = try? archive.read(at: indexOf[k], limit: 5 << 20),
                       let photo = JPEGImage(bytes, id: "photo-\(k)", decodePixels: false) { images["photo"] = photo }
                    records.append(RenderRecord(values: values, images: images))
                }
                do {
                    try document.renderPDF(records, context: base, to: output + "/\(c).pdf", created: "2026-06-01T08:00:00+08:00")
                } catch {
                    failure.withLock { $0 = "\(error)" }
                }
            }
        }
        let seconds = Date().timeIntervalSince(start)
        if let message = failure.withLock({ $0 }) { throw RenderError(description: message) }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: output + "/" + $1)[.size] as? Int) ?? 0) }
        return Result(pages: pages, seconds: seconds, peakMegabytes: Double(usage.ru_maxrss) / 1024, files: files.count, bytes: bytes)
    }
}
