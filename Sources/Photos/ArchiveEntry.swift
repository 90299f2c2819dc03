import Support

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
