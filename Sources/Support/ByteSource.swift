import CZip
#if canImport(Glibc)
import Glibc
#endif

/// Something bytes are pulled from in chunks: a file on disk or an entry of a zip archive.
public protocol ByteSource: AnyObject {
    /// Fills up to `capacity` bytes at `buffer`; returns how many, 0 at the end.
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int
}

/// Reading a file failed (it vanished, or the disk did): `file.unreadable`, in the system's words.
public struct ByteSourceError: Error, Diagnostic, CustomStringConvertible {
    public let description: String
    public var code: String { "file.unreadable" }
    public func message(_ language: Language) -> String { description }
}

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

/// One zip entry being decompressed, pulled in chunks; closed when released.
public final class ZipEntryByteSource: ByteSource {
    private let file: OpaquePointer
    private let owner: ZipReader   // keeps the archive open while the entry is read
    private let name: String

    init(file: OpaquePointer, owner: ZipReader, name: String) {
        self.file = file
        self.owner = owner
        self.name = name
    }

    deinit { zip_fclose(file) }

    public func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int {
        let n = zip_fread(file, buffer, zip_uint64_t(capacity))
        if n < 0 {
            throw ZipError.cannotRead(entry: name, reason: String(cString: zip_file_strerror(file)))
        }
        return Int(n)
    }
}

extension ZipReader {
    /// Opens entry `index` for reading in chunks.
    public func byteSource(at index: Int, name: String) throws -> ZipEntryByteSource {
        guard let file = openFile(at: index) else {
            throw ZipError.cannotRead(entry: name, reason: lastError)
        }
        return ZipEntryByteSource(file: file, owner: self, name: name)
    }
}
