import Support
import CZip
#if canImport(Glibc)
import Glibc
#endif

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
