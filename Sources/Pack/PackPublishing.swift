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

    /// Starts writing `folder.zip.unfinished` with the layout's folders and files under the folder's name.
    init(layout: PackLayout, files root: String, folder: String, stamp: PackStamp) throws {
        temporary = folder + ".zip.unfinished"
        // What an interrupted run left: our name, and libzip's own temporary (our name plus a suffix).
        let parent = (folder as NSString).deletingLastPathComponent
        let prefix = (temporary as NSString).lastPathComponent
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(atPath: (parent as NSString).appendingPathComponent(name))
        }
        let top = (folder as NSString).lastPathComponent
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

/// Finishing a pack: the manifest, the zip, and the renames that make it look finished.
extension PackRunner {
    /// Writes manifest.json into `temporary` (listing every other file with its hash), lets the zip take it
    /// and waits for the zip, then renames `temporary` to `folder` (replacing an older pack only now) and the
    /// zip to `folder.zip`. Returns the pack's files (relative paths), the manifest last.
    static func publish(job: Job, options: PackOptions, rendered: Rendered, reportFiles: [String: Manifest.File], counts: Manifest.Counts,
                        stamp: PackStamp, temporary: String, folder: String, zip: PackZip) throws -> [String] {
        let fm = FileManager.default
        var files = (rendered.files + reportFiles.keys).sorted()
        let entries = files.map { rendered.hashes[$0] ?? reportFiles[$0]! }
        var inputs: [Manifest.Input] = []
        for (role, path) in [("job", job.file), ("roster", job.roster), ("photos", job.photos), ("rooms", job.roomsFile), ("keep", options.keep)] {
            guard let path else { continue }
            let (sha, bytes) = try Manifest.hash(path)
            inputs.append(Manifest.Input(role: role, file: (path as NSString).lastPathComponent, bytes: bytes, sha256: sha))
        }
        var allCounts = counts
        allCounts.files = files.count + 1
        let manifest = Manifest(kaowu: KaowuVersion.current, exam: job.exam.title, created: stamp.iso, ticketNumberPattern: job.ticketPatternText,
                                inputs: inputs, counts: allCounts, files: entries)
        try manifest.json().write(to: URL(fileURLWithPath: temporary + "/" + PackLayout.manifest))
        files.append(PackLayout.manifest)
        zip.feed.markReady(temporary + "/" + PackLayout.manifest)
        options.progress?(PackProgress(stage: .zipping, done: 0, total: 1, note: options.language.pick("压缩", "zipping")))
        try zip.finish()

        // Name the finished pack: the old one (if any) goes only once the new one is complete.
        if fm.fileExists(atPath: folder) {
            let old = folder + ".old"
            try? fm.removeItem(atPath: old)
            try fm.moveItem(atPath: folder, toPath: old)
            try fm.moveItem(atPath: temporary, toPath: folder)
            try? fm.removeItem(atPath: old)
        } else {
            try fm.moveItem(atPath: temporary, toPath: folder)
        }
        let zipPath = folder + ".zip"
        if fm.fileExists(atPath: zipPath) { try fm.removeItem(atPath: zipPath) }
        try fm.moveItem(atPath: zip.temporary, toPath: zipPath)
        return files
    }
}
