import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// New files in a key folder: created with `O_CREAT | O_EXCL` (so nothing already there is ever replaced
/// or followed through a link) and their final mode from the start; a half-written file is removed.
enum SecureFile {
    static func create(_ path: String, bytes: [UInt8], mode: mode_t) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else {
            if errno == EEXIST { throw KeyFileError.fileInTheWay(file: path) }
            throw KeyFileError.writeFailed(file: path, reason: String(cString: strerror(errno)))
        }
        var done = 0
        var failure: Int32 = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { failure = errno; break }
            done += n
        }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlink(path)
            throw KeyFileError.writeFailed(file: path, reason: String(cString: strerror(failure)))
        }
    }

    /// Writes `bytes` under a temporary name beside `path` and renames it over `path` (for `trust.json`
    /// and certificates kaowu made and is updating).
    static func replace(_ path: String, bytes: [UInt8], mode: mode_t) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).kaowu-unfinished")
        unlink(temporary)
        try create(temporary, bytes: bytes, mode: mode)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw KeyFileError.writeFailed(file: path, reason: reason)
        }
    }
}
