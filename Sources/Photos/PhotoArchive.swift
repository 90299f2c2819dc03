import Archive
import Support

/// Reads a photo archive's central directory (nothing is decompressed, nothing is ever written from an
/// entry name) and sorts its entries into photos to check and problems.
public enum PhotoArchive {
    /// Catalogues the archive at `path`, choosing the encoding of names without the UTF-8 flag by
    /// `rosterNames` (when given) or by common hanzi. Throws `ZipError` when it is not a readable zip at all.
    public static func catalog(path: String, limits: ArchiveLimits,
                               rosterNames: Set<String>? = nil) throws -> ArchiveCatalog {
        let directory = try ArchiveDirectory.read(path: path, limits: limits)
        let choice = NameEncodingChoice.choose(directory.undeclaredNames, rosterNames: rosterNames)
        return catalog(directory, names: choice, limits: limits)
    }

    /// Catalogues an archive's `directory`, reading names without the UTF-8 flag as `names` says.
    public static func catalog(_ directory: ArchiveDirectory, names: NameEncodingChoice, limits: ArchiveLimits) -> ArchiveCatalog {
        let path = directory.path
        var result = ArchiveCatalog()
        result.nameEncoding = names
        let count = directory.count
        if count > limits.maxEntries {
            let problem = Problem(.error, "archive.too-large", entry: path,
                message: LocalizedText(zh: "压缩包有 \(count) 个文件，超过上限 \(limits.maxEntries)，未检查",
                                       en: "the archive holds \(count) entries, more than the limit of \(limits.maxEntries); not checked"))
            result.problems.append(problem)
            result.refusal = problem
            return result
        }
        var total: UInt64 = 0
        for info in directory.entries {
            let index = info.index
            let undeclared = !info.declaresUTF8 && info.rawName.contains { $0 >= 0x80 }
            let first: ZipNameEncoding = undeclared ? names.encoding : .utf8
            guard let decoded = [first, first.other].lazy
                    .compactMap({ encoding in encoding.decode(info.rawName).map { (path: $0, encoding: encoding) } }).first else {
                let hex = info.rawName.prefix(24).map { String($0, radix: 16) }.joined(separator: " ")
                result.problems.append(Problem(.error, "archive.unreadable", value: hex, entry: "#\(index + 1)",
                    message: LocalizedText(zh: "第 \(index + 1) 个文件的文件名编码无法识别（既不是 UTF-8 也不是 GBK），请重新打包",
                                           en: "entry \(index + 1) has a name in an unknown encoding (neither UTF-8 nor GBK); re-create the archive")))
                continue
            }
            let entryPath = decoded.path
            if info.isDirectory || isJunk(entryPath) { result.skipped += 1; continue }
            if isUnsafe(entryPath) {
                result.problems.append(Problem(.error, "archive.unsafe-path", value: entryPath, entry: entryPath,
                    message: LocalizedText(zh: "文件路径不安全（绝对路径或含“..”），已拒绝：\(entryPath)",
                                           en: "unsafe entry path (absolute or containing \"..\"), refused: \(entryPath)")))
                continue
            }
            if let ext = PhotoName.fileExtension(of: entryPath), !PhotoName.imageExtensions.contains(ext) {
                result.otherFiles.append(entryPath)
                continue
            }
            total &+= info.uncompressedSize
            if info.uncompressedSize > 1 << 20, info.compressedSize > 0,
               info.uncompressedSize / max(info.compressedSize, 1) > limits.maxRatio {
                result.problems.append(Problem(.error, "archive.too-large", entry: entryPath,
                    message: LocalizedText(zh: "压缩比异常（\(info.compressedSize) 字节解压后为 \(info.uncompressedSize) 字节），疑似压缩炸弹，未读取",
                                           en: "suspicious compression ratio (\(info.compressedSize) bytes expand to \(info.uncompressedSize)); possible zip bomb, not read")))
                continue
            }
            result.entries.append(ArchiveEntry(index: index, path: entryPath, nameEncoding: decoded.encoding.rawValue,
                                               declaredSize: info.uncompressedSize, compressedSize: info.compressedSize,
                                               isEncrypted: info.isEncrypted, name: PhotoName.parse(entryPath)))
        }
        if !result.otherFiles.isEmpty {
            let n = result.otherFiles.count
            let shownZh = result.otherFiles.prefix(5).joined(separator: "、") + (n > 5 ? " 等" : "")
            let shownEn = result.otherFiles.prefix(5).joined(separator: ", ") + (n > 5 ? ", …" : "")
            result.problems.append(Problem(.warning, "archive.other-files", value: String(n),
                message: LocalizedText(zh: "压缩包里有 \(n) 个不是图片的文件（\(shownZh)），已忽略",
                                       en: "the archive holds \(n) files that are no images (\(shownEn)); ignored")))
        }
        if total > limits.maxTotalBytes {
            let problem = Problem(.error, "archive.too-large", entry: path,
                message: LocalizedText(zh: "压缩包解压后共 \(total / (1 << 20)) MB，超过上限 \(limits.maxTotalBytes / (1 << 20)) MB，未检查",
                                       en: "the archive expands to \(total / (1 << 20)) MB, more than the limit of \(limits.maxTotalBytes / (1 << 20)) MB; not checked"))
            result.problems.append(problem)
            result.refusal = problem
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
