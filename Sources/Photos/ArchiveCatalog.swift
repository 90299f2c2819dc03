import Support

/// The table of contents of a photo archive: the entries to check, and the problems found in the
/// directory alone (unsafe paths, undecodable names, size limits, files that are no images).
public struct ArchiveCatalog: Sendable {
    public var entries: [ArchiveEntry] = []
    public var problems: [Problem] = []
    /// Entries passed over on purpose: folders, `__MACOSX/`, `._*`, `.DS_Store`, `Thumbs.db`.
    public var skipped = 0
    /// Files with an extension that is no image extension (`说明.txt`, `名单.xlsx`): not checked, one warning.
    public var otherFiles: [String] = []
    /// How the names without the UTF-8 flag were read.
    public var nameEncoding = NameEncodingChoice.unneeded
    /// The problem for which the archive was refused as a whole (too many entries, too large in
    /// total); nil when its photos were catalogued.
    public var refusal: Problem?

    public init() {}
}
