import Archive
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
    convenience init(layout: PackLayout, files root: String, path: String, top: String, stamp: PackStamp) throws {
        try self.init(directories: layout.directories, files: layout.zipOrder, from: root, path: path, top: top, stamp: stamp)
    }

    /// Starts writing the zip at `path` with `directories` and `files` (relative to `root`, in the zip's order)
    /// under the folder `top`.
    init(directories: [String], files: [String], from root: String, path: String, top: String, stamp: PackStamp) throws {
        temporary = path
        let zip = try ZipWriter(path: temporary, modified: stamp.zipTime)
        for directory in directories { try zip.addDirectory(top + "/" + directory) }
        for file in files {
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
