import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive, advisory lock held through a lock file (`flock`) for as long as the value lives: two
/// kaowu runs on the same output cannot both hold it. The file records who holds it (process, host, start
/// time) so a second run can say so. A lock left by a killed process is free again (the kernel drops
/// `flock` locks with the process); the file itself is removed when the lock is released.
public final class FileLock: @unchecked Sendable {
    /// Who holds a lock, as its file records it.
    public struct Holder: Codable, Sendable, Equatable {
        public var pid: Int32
        public var host: String
        public var started: String
        public var command: String
    }

    /// Why a lock could not be taken.
    public enum Failure: Error, Sendable {
        /// Another process holds it (as far as its file says: nil when the file could not be read).
        case held(path: String, by: Holder?)
        /// The lock file cannot be created or opened (permissions, a folder in the way, …).
        case unusable(path: String, reason: String)
    }

    public let path: String
    private var descriptor: Int32

    /// Takes the lock at `path` without waiting; throws `Failure.held` when another process has it.
    public init(path: String, command: String) throws {
        self.path = path
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard fd >= 0 else { throw Failure.unusable(path: path, reason: String(cString: strerror(errno))) }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let reason = errno
                let holder = FileLock.holder(fd)
                close(fd)
                if reason == EWOULDBLOCK { throw Failure.held(path: path, by: holder) }
                throw Failure.unusable(path: path, reason: String(cString: strerror(reason)))
            }
            // The holder before us may have removed the file between our open and our flock: then we locked
            // a file nobody else will find. Start again with the file that is at the path now.
            var opened = stat(), named = stat()
            if fstat(fd, &opened) == 0, lstat(path, &named) == 0, opened.st_ino == named.st_ino, opened.st_dev == named.st_dev {
                // A file of that name that is not a lock file (not empty, no holder in it) is not ours to overwrite.
                guard opened.st_size == 0 || FileLock.holder(fd) != nil else {
                    close(fd)
                    throw Failure.unusable(path: path, reason: "not a kaowu lock file; move it away")
                }
                descriptor = fd
                break
            }
            close(fd)
        }
        var host = [UInt8](repeating: 0, count: 256)
        gethostname(&host, host.count - 1)
        let holder = Holder(pid: getpid(), host: String(decoding: host.prefix { $0 != 0 }, as: UTF8.self), started: ISO8601DateFormatter().string(from: Date()), command: command)
        if let data = try? JSONEncoder().encode(holder) {
            _ = ftruncate(descriptor, 0)
            _ = data.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        }
    }

    deinit { release() }

    /// Removes the lock file and releases the lock (once; later calls do nothing).
    public func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    private static func holder(_ fd: Int32) -> Holder? {
        var bytes = [UInt8](repeating: 0, count: 4096)
        let n = pread(fd, &bytes, bytes.count, 0)
        guard n > 0 else { return nil }
        return try? JSONDecoder().decode(Holder.self, from: Data(bytes[..<n]))
    }
}
