import Support
import CZip
#if canImport(Glibc)
import Glibc
#endif

/// A read-only zip archive with random access (libzip). Entries are read on demand, one at a time,
/// never unpacked whole. Not thread-safe: open one reader per thread.
public final class ZipReader {
    private let archive: OpaquePointer
    /// The archive's path, for messages.
    public let path: String

    /// Opens `path`; throws `ZipError.cannotOpen` when it is missing or not a zip archive.
    public init(path: String) throws {
        var code: Int32 = 0
        guard let handle = zip_open(path, ZIP_RDONLY, &code) else { throw ZipError.opening(path, code: code) }
        archive = handle
        self.path = path
    }

    deinit { zip_discard(archive) }

    /// Number of entries in the central directory.
    public var count: Int { Int(zip_get_num_entries(archive, 0)) }

    /// The central-directory facts of entry `index`.
    public func info(at index: Int) -> ZipEntryInfo? {
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_stat_index(archive, zip_uint64_t(index), zip_flags_t(ZIP_FL_ENC_RAW), &stat) == 0,
              let namePointer = stat.name else { return nil }
        let length = strlen(namePointer)
        let raw = namePointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
        return ZipEntryInfo(index: index, rawName: raw, uncompressedSize: UInt64(stat.size),
                            compressedSize: UInt64(stat.comp_size),
                            isEncrypted: stat.encryption_method != UInt16(ZIP_EM_NONE),
                            declaresUTF8: declaresUTF8(index, raw: raw))
    }

    /// Whether entry `index`'s non-ASCII name is declared UTF-8. libzip's strict reading gives a name
    /// unchanged only when it is declared UTF-8 and converts any other non-ASCII name from CP437 (the
    /// zip default), which always changes its bytes; so the two readings are equal exactly when declared.
    private func declaresUTF8(_ index: Int, raw: [UInt8]) -> Bool {
        guard raw.contains(where: { $0 >= 0x80 }),
              let strict = zip_get_name(archive, zip_uint64_t(index), zip_flags_t(ZIP_FL_ENC_STRICT)) else { return false }
        let length = strlen(strict)
        guard length == raw.count else { return false }
        return strict.withMemoryRebound(to: UInt8.self, capacity: length) {
            UnsafeBufferPointer(start: $0, count: length).elementsEqual(raw)
        }
    }

    /// The index of the entry named `name` (UTF-8, exact), if any.
    public func index(of name: String) -> Int? {
        let found = zip_name_locate(archive, name, zip_flags_t(ZIP_FL_ENC_RAW))
        return found < 0 ? nil : Int(found)
    }

    /// Reads entry `index` whole, refusing (after reading at most `limit` + 1 bytes) anything larger.
    public func read(at index: Int, limit: Int) throws -> [UInt8] {
        var result: [UInt8] = []
        try stream(at: index, chunkSize: 65_536) { chunk in
            if result.count + chunk.count > limit {
                throw ZipError.tooLarge(entry: entryName(index), limit: limit)
            }
            result.append(contentsOf: chunk)
        }
        return result
    }

    /// Streams entry `index` in chunks to `body`; the chunk is only valid during the call.
    public func stream(at index: Int, chunkSize: Int = 262_144,
                       _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        guard let file = zip_fopen_index(archive, zip_uint64_t(index), 0) else {
            throw ZipError.cannotRead(entry: entryName(index), reason: String(cString: zip_strerror(archive)))
        }
        defer { zip_fclose(file) }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { buffer.deallocate() }
        while true {
            let n = zip_fread(file, buffer, zip_uint64_t(chunkSize))
            if n < 0 {
                throw ZipError.cannotRead(entry: entryName(index), reason: String(cString: zip_file_strerror(file)))
            }
            if n == 0 { break }
            try body(UnsafeBufferPointer(start: buffer, count: Int(n)))
        }
    }

    /// Opens entry `index` with libzip (the caller closes it).
    func openFile(at index: Int) -> OpaquePointer? { zip_fopen_index(archive, zip_uint64_t(index), 0) }

    /// libzip's description of the archive's last error.
    var lastError: String { String(cString: zip_strerror(archive)) }

    private func entryName(_ index: Int) -> String {
        guard let entry = info(at: index) else { return "#\(index)" }
        if entry.declaresUTF8, let name = String(validating: entry.rawName, as: UTF8.self) { return name }
        return LegacyText.decode(entry.rawName)?.text ?? "#\(index)"
    }
}
