import Support
import CZip
#if canImport(Glibc)
import Glibc
#endif

/// Something bytes are pulled from in chunks: a file on disk or an entry of a zip archive.
public protocol ByteSource: AnyObject {
    /// Fills up to `capacity` bytes at `buffer`; returns how many, 0 at the end.
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int
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
