import Support

/// Limits that keep a hostile archive (zip bomb, millions of entries) from exhausting the machine.
public struct ArchiveLimits: Sendable {
    /// Most entries accepted in one archive.
    public var maxEntries = 1_000_000
    /// Largest photo accepted (the seeds' rule: 5 MB).
    public var maxPhotoBytes = 5 * 1024 * 1024
    /// Largest sum of declared sizes (uncompressed) of all entries.
    public var maxTotalBytes: UInt64 = 20 * 1024 * 1024 * 1024
    /// Highest compression ratio accepted for an entry larger than 1 MB (photos hardly compress).
    public var maxRatio: UInt64 = 100

    public init() {}
}

/// One file in a photo archive that is to be checked as a photo.
public struct ArchiveEntry: Sendable {
    public let index: Int
    /// The decoded entry path, as the user sees it.
    public let path: String
    /// The encoding its name was stored in (`UTF-8` or `GB18030`).
    public let nameEncoding: String
    public let declaredSize: UInt64
    public let compressedSize: UInt64
    public let isEncrypted: Bool
    /// Whose photo the name says it is; nil when the name carries no document number.
    public let name: PhotoName?
}

/// The table of contents of a photo archive: the entries to check, and the problems found in the
/// directory alone (unsafe paths, undecodable names, size limits).
public struct ArchiveCatalog: Sendable {
    public var entries: [ArchiveEntry] = []
    public var problems: [Problem] = []
    /// Entries passed over on purpose: folders, `__MACOSX/`, `._*`, `.DS_Store`, `Thumbs.db`.
    public var skipped = 0

    public init() {}
}

/// Reads a photo archive's central directory (nothing is decompressed, nothing is ever written from an
/// entry name) and sorts its entries into photos to check and problems.
public enum PhotoArchive {
    /// Catalogues the archive at `path`. Throws `ZipError` when it is not a readable zip at all.
    public static func catalog(path: String, limits: ArchiveLimits, language: Language) throws -> ArchiveCatalog {
        let zip = try ZipReader(path: path)
        var result = ArchiveCatalog()
        let count = zip.count
        if count > limits.maxEntries {
            result.problems.append(Problem(.error, "archive.too-large", entry: path,
                message: language.pick("压缩包有 \(count) 个文件，超过上限 \(limits.maxEntries)，未检查",
                                       "the archive holds \(count) entries, more than the limit of \(limits.maxEntries); not checked")))
            return result
        }
        var total: UInt64 = 0
        for index in 0..<count {
            guard let info = zip.info(at: index) else { continue }
            guard let decoded = LegacyText.decode(info.rawName) else {
                let hex = info.rawName.prefix(24).map { String($0, radix: 16) }.joined(separator: " ")
                result.problems.append(Problem(.error, "archive.unreadable", value: hex, entry: "#\(index + 1)",
                    message: language.pick("第 \(index + 1) 个文件的文件名编码无法识别（既不是 UTF-8 也不是 GBK），请重新打包",
                                           "entry \(index + 1) has a name in an unknown encoding (neither UTF-8 nor GBK); re-create the archive")))
                continue
            }
            let entryPath = decoded.text
            if info.isDirectory || isJunk(entryPath) { result.skipped += 1; continue }
            if isUnsafe(entryPath) {
                result.problems.append(Problem(.error, "archive.unsafe-path", value: entryPath, entry: entryPath,
                    message: language.pick("文件路径不安全（绝对路径或含 “..”），已拒绝：\(entryPath)",
                                           "unsafe entry path (absolute or containing \"..\"), refused: \(entryPath)")))
                continue
            }
            total &+= info.uncompressedSize
            if info.uncompressedSize > 1 << 20, info.compressedSize > 0,
               info.uncompressedSize / max(info.compressedSize, 1) > limits.maxRatio {
                result.problems.append(Problem(.error, "archive.too-large", entry: entryPath,
                    message: language.pick("压缩比异常（\(info.compressedSize) 字节解压后为 \(info.uncompressedSize) 字节），疑似压缩炸弹，未读取",
                                           "suspicious compression ratio (\(info.compressedSize) bytes expand to \(info.uncompressedSize)); possible zip bomb, not read")))
                continue
            }
            result.entries.append(ArchiveEntry(index: index, path: entryPath, nameEncoding: decoded.encoding,
                                               declaredSize: info.uncompressedSize, compressedSize: info.compressedSize,
                                               isEncrypted: info.isEncrypted, name: PhotoName.parse(entryPath)))
        }
        if total > limits.maxTotalBytes {
            result.problems.append(Problem(.error, "archive.too-large", entry: path,
                message: language.pick("压缩包解压后共 \(total / (1 << 20)) MB，超过上限 \(limits.maxTotalBytes / (1 << 20)) MB，未检查",
                                       "the archive expands to \(total / (1 << 20)) MB, more than the limit of \(limits.maxTotalBytes / (1 << 20)) MB; not checked")))
            result.entries.removeAll()
        }
        return result
    }

    /// Files that archivers add and that are never photos.
    static func isJunk(_ path: String) -> Bool {
        let parts = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if parts.contains(where: { $0 == "__MACOSX" }) { return true }
        guard let last = parts.last else { return true }
        return last.hasPrefix("._") || last == ".DS_Store" || last.lowercased() == "thumbs.db" || last.lowercased() == "desktop.ini"
    }

    /// Absolute paths, drive letters and `..` components.
    static func isUnsafe(_ path: String) -> Bool {
        if path.hasPrefix("/") || path.hasPrefix("\\") { return true }
        let scalars = Array(path.unicodeScalars.prefix(2))
        if scalars.count == 2, scalars[1] == ":", scalars[0].properties.isAlphabetic { return true }
        return path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains { $0 == ".." }
    }
}
