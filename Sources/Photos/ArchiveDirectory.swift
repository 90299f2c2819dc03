import Archive
import Support

/// A photo archive's central directory as stored: each entry's raw name bytes, UTF-8 flag and sizes.
/// Nothing is decompressed; names are decoded afterwards, once the archive's name encoding is settled.
public struct ArchiveDirectory: Sendable {
    /// The archive's path, for messages.
    public let path: String
    /// Entries in the central directory, counted even when there are too many to read.
    public let count: Int
    /// Every entry; empty when `count` is over the entry limit (the archive is then refused unread).
    public let entries: [ZipEntryInfo]

    /// Reads the central directory of `path`. Throws `ZipError` when it is not a readable zip.
    public static func read(path: String, limits: ArchiveLimits) throws -> ArchiveDirectory {
        let zip = try ZipReader(path: path)
        let count = zip.count
        guard count <= limits.maxEntries else { return ArchiveDirectory(path: path, count: count, entries: []) }
        return ArchiveDirectory(path: path, count: count, entries: (0..<count).compactMap { zip.info(at: $0) })
    }

    /// The names whose encoding the archive does not declare: not pure ASCII and without the UTF-8 flag.
    public var undeclaredNames: [[UInt8]] {
        entries.filter { !$0.declaresUTF8 && $0.rawName.contains { $0 >= 0x80 } }.map(\.rawName)
    }
}
