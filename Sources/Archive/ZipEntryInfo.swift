import Support
import CZip
#if canImport(Glibc)
import Glibc
#endif

/// One entry of a zip archive as its central directory describes it (nothing is read yet).
public struct ZipEntryInfo: Sendable {
    /// Position in the archive's central directory.
    public let index: Int
    /// The name exactly as stored: UTF-8 or, from Chinese Windows, GBK without the UTF-8 flag.
    public let rawName: [UInt8]
    /// Size after decompression, as declared by the archive (a zip bomb may lie; reads are capped).
    public let uncompressedSize: UInt64
    /// Size as stored in the archive.
    public let compressedSize: UInt64
    /// Whether the entry is encrypted (a password-protected archive).
    public let isEncrypted: Bool
    /// Whether the archive declares the name UTF-8: general purpose bit 11 (the UTF-8 flag), or an
    /// Info-ZIP Unicode path extra field whose UTF-8 name libzip then gives as `rawName`. False for
    /// pure-ASCII names, which read the same in every encoding.
    public let declaresUTF8: Bool
    /// Whether the name ends with a slash (a folder entry).
    public var isDirectory: Bool { rawName.last == UInt8(ascii: "/") }
}
