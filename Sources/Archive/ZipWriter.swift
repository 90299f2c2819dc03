import Support
import CZip
#if canImport(Glibc)
import Glibc
#endif

/// Writes a zip archive with libzip: UTF-8 names (flagged), stored or deflated entries. Nothing is
/// written until `close()`; payloads are retained until then.
public final class ZipWriter {
    private var archive: OpaquePointer?
    private var payloads: [ObjectIdentifier: ZipPayload] = [:]
    /// Feeds of entries added before their files exist.
    private var feeds: [ZipFeed] = []
    /// Entries added with raw names that are also valid UTF-8: libzip flags those as UTF-8 anyway, so the
    /// flag is cleared again once the archive is written.
    private var unflagged: Set<Int> = []
    public let path: String
    /// The modification time given to every entry; nil keeps libzip's (the current time).
    private let modified: time_t?

    /// Creates (or truncates) the archive at `path`; with `modified`, every entry gets that time, so the
    /// same content gives a byte-identical archive.
    public init(path: String, modified: time_t? = nil) throws {
        self.modified = modified
        var code: Int32 = 0
        guard let handle = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code) else { throw ZipError.opening(path, code: code) }
        archive = handle
        self.path = path
    }

    deinit { if let archive { zip_discard(archive) } }

    /// Adds an entry named `name` with `payload`; `compress` deflates it, otherwise it is stored.
    /// `rawName` bytes, when given, are written as the name without the UTF-8 flag (to imitate old archivers).
    public func add(_ name: String, _ payload: ZipPayload, compress: Bool = true, rawName: [UInt8]? = nil) throws {
        guard let archive else { throw ZipError.cannotRead(entry: name, reason: "archive already closed") }
        payloads[ObjectIdentifier(payload)] = payload
        guard let source = zip_source_buffer(archive, payload.pointer, zip_uint64_t(payload.count), 0) else {
            throw ZipError.cannotRead(entry: name, reason: String(cString: zip_strerror(archive)))
        }
        let index: Int64
        if var raw = rawName {
            raw.append(0)
            index = raw.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { zip_file_add(archive, $0.baseAddress, source, zip_flags_t(ZIP_FL_ENC_RAW)) }
            }
            if let raw = rawName, !raw.allSatisfy({ $0 < 0x80 }), String(validating: raw, as: UTF8.self) != nil, index >= 0 {
                unflagged.insert(Int(index))
            }
        } else {
            index = zip_file_add(archive, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
        }
        try settle(index, source: source, name: name, compress: compress, archive: archive)
    }

    /// Adds an entry named `name` whose bytes are the file at `filePath` once `feed` marks it ready: the
    /// file need not exist yet; `close()` waits for it (run `close()` on a thread of its own then).
    public func add(_ name: String, later filePath: String, feed: ZipFeed, compress: Bool = true) throws {
        guard let archive else { throw ZipError.cannotRead(entry: name, reason: "archive already closed") }
        let box = Unmanaged.passRetained(ZipFeedSource(path: filePath, feed: feed))
        guard let source = zip_source_function(archive, zipFeedCallback, box.toOpaque()) else {
            box.release()
            throw ZipError.cannotRead(entry: filePath, reason: String(cString: zip_strerror(archive)))
        }
        feeds.append(feed)
        let index = zip_file_add(archive, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
        try settle(index, source: source, name: name, compress: compress, archive: archive)
    }

    /// Finishes adding entry `index`: compression and time, or, when libzip refused the entry (`index` < 0),
    /// frees its source and throws.
    private func settle(_ index: Int64, source: OpaquePointer, name: String, compress: Bool, archive: OpaquePointer) throws {
        guard index >= 0 else {
            zip_source_free(source)
            throw ZipError.cannotRead(entry: name, reason: String(cString: zip_strerror(archive)))
        }
        zip_set_file_compression(archive, zip_uint64_t(index), compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0)
        if let modified { zip_file_set_mtime(archive, zip_uint64_t(index), modified, 0) }
    }

    /// Adds a folder entry `name` (UTF-8), so archivers show empty and non-empty folders alike.
    public func addDirectory(_ name: String) throws {
        guard let archive else { throw ZipError.cannotRead(entry: name, reason: "archive already closed") }
        let index = zip_dir_add(archive, name, zip_flags_t(ZIP_FL_ENC_UTF_8))
        guard index >= 0 else { throw ZipError.cannotRead(entry: name, reason: String(cString: zip_strerror(archive))) }
        if let modified { zip_file_set_mtime(archive, zip_uint64_t(index), modified, 0) }
    }

    /// Writes the archive to disk and releases everything.
    public func close() throws {
        guard let archive else { return }
        for feed in feeds { feed.startWriting() }
        if zip_close(archive) != 0 {
            let reason = String(cString: zip_strerror(archive))
            zip_discard(archive)
            self.archive = nil
            throw ZipError.cannotOpen(path: path, reason: reason)
        }
        self.archive = nil
        payloads.removeAll()
        if !unflagged.isEmpty { try ZipUTF8Flag.set(false, inArchiveAt: path, where: unflagged.contains) }
    }
}
