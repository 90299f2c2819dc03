import Foundation
import Support
import Synchronization

/// The zip of a pack, written on a thread of its own while the pack is still being made: every entry is
/// listed in advance (`PackLayout`) and each file is read as soon as the feed says it is complete.
final class PackZip: @unchecked Sendable {
    let feed = ZipFeed()
    let temporary: String
    private let group = DispatchGroup()
    private let failure = Mutex<Error?>(nil)

    /// Starts writing the zip at `path` with the layout's folders and files (from `root`) under the folder `top`.
    init(layout: PackLayout, files root: String, path: String, top: String, stamp: PackStamp) throws {
        temporary = path
        let zip = try ZipWriter(path: temporary, modified: stamp.zipTime)
        for directory in layout.directories { try zip.addDirectory(top + "/" + directory) }
        for file in layout.zipOrder {
            try zip.add(top + "/" + file, later: root + "/" + file, feed: feed, compress: file.hasSuffix(".json"))
        }
        let writer = UncheckedBox(zip)
        DispatchQueue.global().async(group: group) { [self] in
            do { try writer.value.close() } catch { self.failure.withLock { $0 = error } }
        }
    }

    /// Waits for the zip to be written; throws what went wrong.
    func finish() throws {
        group.wait()
        if let error = failure.withLock({ $0 }) {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    /// Stops the zip (no more files will come) and removes what it wrote.
    func abandon() {
        feed.cancel()
        group.wait()
        try? FileManager.default.removeItem(atPath: temporary)
    }
}

/// Hands a value to another thread that alone uses it from then on.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Finishing a pack: the manifest, the zip, and publishing.
extension PackRunner {
    /// Writes manifest.json into the output's staging folder (listing every other file with its hash), lets
    /// the zip take it and waits for the zip, then publishes the pack (`PackOutput.publish`). Returns the
    /// pack's files (relative paths), the manifest last.
    static func publish(job: Job, options: PackOptions, rendered: Rendered, reportFiles: [String: Manifest.File], counts: Manifest.Counts,
                        stamp: PackStamp, output: PackOutput, zip: PackZip) throws -> [String] {
        var files = (rendered.files + reportFiles.keys).sorted()
        let entries = files.map { rendered.hashes[$0] ?? reportFiles[$0]! }
        var inputs: [Manifest.Input] = []
        for (role, path) in job.inputFiles(keep: options.keep) where role != "template" {
            let (sha, bytes) = try Manifest.hash(path)
            inputs.append(Manifest.Input(role: role, file: (path as NSString).lastPathComponent, bytes: bytes, sha256: sha))
        }
        var allCounts = counts
        allCounts.files = files.count + 1
        let manifest = Manifest(kaowu: KaowuVersion.current, exam: job.exam.title, created: stamp.iso, ticketNumberPattern: job.ticketPatternText,
                                inputs: inputs, counts: allCounts, files: entries)
        try manifest.json().write(to: URL(fileURLWithPath: output.staging + "/" + PackLayout.manifest))
        files.append(PackLayout.manifest)
        zip.feed.markReady(output.staging + "/" + PackLayout.manifest)
        options.progress?(PackProgress(stage: .zipping, done: 0, total: 1, note: options.language.pick("压缩", "zipping")))
        try zip.finish()
        try output.publish()
        return files
    }
}
