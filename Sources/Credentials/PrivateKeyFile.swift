import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one place private key files are written and read. Written with `O_CREAT | O_EXCL` and mode 0600
/// from the first byte (never written and then narrowed); read only when the file is a regular file owned
/// by the user and neither group nor others may read or write it. Errors name the file, never its content.
enum PrivateKeyFile {
    /// Largest key file read (a PEM P-256 key is about 240 bytes).
    static let maxSize = 64 * 1024

    /// Writes `key` as PKCS#8 PEM to a new file at `path` (refused if anything is there).
    static func save(_ key: P256.Signing.PrivateKey, to path: String) throws {
        try SecureFile.create(path, bytes: Array(key.pemRepresentation.utf8), mode: 0o600)
    }

    /// Reads the private key at `path` after checking the file's owner and mode.
    static func load(_ path: String) throws -> P256.Signing.PrivateKey {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ELOOP { throw KeyFileError.notRegularFile(file: path) }
            throw KeyFileError.unreadable(file: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw KeyFileError.unreadable(file: path, reason: String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw KeyFileError.notRegularFile(file: path) }
        guard info.st_uid == geteuid() else { throw KeyFileError.notOwned(file: path) }
        guard info.st_mode & 0o077 == 0 else {
            throw KeyFileError.readableByOthers(file: path, mode: String(info.st_mode & 0o777, radix: 8))
        }
        guard info.st_size <= maxSize else { throw KeyFileError.invalidKey(file: path) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw KeyFileError.unreadable(file: path, reason: n == 0 ? "short read" : String(cString: strerror(errno))) }
            done += n
        }
        defer { for i in bytes.indices { bytes[i] = 0 } }
        guard let text = String(bytes: bytes, encoding: .utf8), let key = try? P256.Signing.PrivateKey(pemRepresentation: text) else {
            throw KeyFileError.invalidKey(file: path)
        }
        return key
    }
}
