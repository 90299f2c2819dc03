import Support
/// The two encodings zip entry names come in: UTF-8 (declared by the entry's UTF-8 flag, or written
/// without it by older macOS and Linux tools) and GB18030/GBK (Chinese Windows, never flagged).
public enum ZipNameEncoding: String, Sendable, Codable, CaseIterable {
    case utf8 = "UTF-8"
    case gb18030 = "GB18030"

    /// `bytes` read in this encoding; nil when they are not valid in it.
    public func decode(_ bytes: [UInt8]) -> String? {
        switch self {
        case .utf8: return String(validating: bytes, as: UTF8.self)
        case .gb18030: return GB18030.decode(bytes)
        }
    }

    /// The other of the two.
    public var other: ZipNameEncoding { self == .utf8 ? .gb18030 : .utf8 }
}
