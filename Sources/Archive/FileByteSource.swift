import Support
import CZip
#if canImport(Glibc)
import Glibc
#endif

/// A file read sequentially through the C library; closed when released.
public final class FileByteSource: ByteSource {
    private let file: UnsafeMutablePointer<FILE>
    public let path: String

    /// Opens `path` for reading; throws when it cannot be opened.
    public init(path: String) throws {
        guard let handle = fopen(path, "rb") else {
            throw ByteSourceError(description: "\(path): \(String(cString: strerror(errno)))")
        }
        file = handle
        self.path = path
    }

    deinit { fclose(file) }

    public func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int {
        let n = fread(buffer, 1, capacity, file)
        if n == 0 && ferror(file) != 0 {
            throw ByteSourceError(description: "\(path): \(String(cString: strerror(errno)))")
        }
        return n
    }
}
