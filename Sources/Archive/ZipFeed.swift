import Support
import CZip
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files handed to a `ZipWriter` before they exist. While the archive is written (`close()`, on a thread of
/// its own) it waits for each file until it is marked ready, so a pack's zip is written while its rooms
/// are still being rendered. Cancelling makes the waiting archive fail instead.
public final class ZipFeed: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready = Set<String>()
    private var cancelled = false
    private var writing = false

    public init() {}

    /// `path` is complete and may be read.
    public func markReady(_ path: String) {
        condition.withLock {
            ready.insert(path)
            condition.broadcast()
        }
    }

    /// No more files will come: whatever the archive still waits for fails.
    public func cancel() {
        condition.withLock {
            cancelled = true
            condition.broadcast()
        }
    }

    /// From now on the archive is being written and may wait.
    func startWriting() { condition.withLock { writing = true } }

    var isWriting: Bool { condition.withLock { writing } }

    /// Waits until `path` is ready (true) or the feed is cancelled (false).
    func wait(for path: String) -> Bool {
        condition.withLock {
            while !ready.contains(path) && !cancelled { condition.wait() }
            return ready.contains(path)
        }
    }
}

/// libzip's callback for `ZipFeedSource`s: opening (and, once the archive is being written, stating) waits
/// for the file; reads go straight to the file descriptor.
let zipFeedCallback: zip_source_callback = { userdata, data, length, command in
    guard let userdata else { return -1 }
    let source = Unmanaged<ZipFeedSource>.fromOpaque(userdata).takeUnretainedValue()
    switch command {
    case ZIP_SOURCE_OPEN:
        guard source.feed.wait(for: source.path) else { return source.fail(ZIP_ER_CANCELLED, 0) }
        source.descriptor = open(source.path, O_RDONLY)
        return source.descriptor < 0 ? source.fail(ZIP_ER_OPEN, errno) : 0
    case ZIP_SOURCE_READ:
        guard let data else { return source.fail(ZIP_ER_INVAL, 0) }
        let count = read(source.descriptor, data, Int(length))
        return count < 0 ? source.fail(ZIP_ER_READ, errno) : zip_int64_t(count)
    case ZIP_SOURCE_CLOSE:
        if source.descriptor >= 0 { close(source.descriptor) }
        source.descriptor = -1
        return 0
    case ZIP_SOURCE_STAT:
        guard let data else { return source.fail(ZIP_ER_INVAL, 0) }
        let stat = data.assumingMemoryBound(to: zip_stat_t.self)
        zip_stat_init(stat)
        // Before the archive is written (while entries are added) the size is not known yet: libzip allows that.
        if source.feed.isWriting {
            guard source.feed.wait(for: source.path) else { return source.fail(ZIP_ER_CANCELLED, 0) }
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: source.path),
                  let size = (attributes[.size] as? NSNumber)?.uint64Value else { return source.fail(ZIP_ER_OPEN, errno) }
            stat.pointee.size = size
            stat.pointee.valid |= zip_uint64_t(ZIP_STAT_SIZE)
        }
        return zip_int64_t(MemoryLayout<zip_stat_t>.size)
    case ZIP_SOURCE_ERROR:
        guard let data else { return -1 }
        let codes = data.assumingMemoryBound(to: Int32.self)
        codes[0] = source.error.zip
        codes[1] = source.error.system
        return zip_int64_t(2 * MemoryLayout<Int32>.size)
    case ZIP_SOURCE_FREE:
        if source.descriptor >= 0 { close(source.descriptor) }
        Unmanaged<ZipFeedSource>.fromOpaque(userdata).release()
        return 0
    case ZIP_SOURCE_SUPPORTS:
        let commands = [ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS]
        return commands.reduce(zip_int64_t(0)) { $0 | (zip_int64_t(1) << zip_int64_t($1.rawValue)) }
    default:
        return source.fail(ZIP_ER_OPNOTSUPP, 0)
    }
}
