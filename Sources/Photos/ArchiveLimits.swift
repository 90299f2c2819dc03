import Support

/// Limits that keep a hostile archive (zip bomb, millions of entries) from exhausting the machine.
public struct ArchiveLimits: Sendable {
    /// Most entries accepted in one archive.
    public var maxEntries = 1_000_000
    /// Largest sum of declared sizes (uncompressed) of all entries.
    public var maxTotalBytes: UInt64 = 20 * 1024 * 1024 * 1024
    /// Highest compression ratio accepted for an entry larger than 1 MB (photos hardly compress).
    public var maxRatio: UInt64 = 100

    public init() {}
}
