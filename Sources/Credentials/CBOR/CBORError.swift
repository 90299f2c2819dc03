/// Why bytes are not the strict, deterministic CBOR kaowu accepts. Each case is one rule of
/// `CBORDecoder`; the offset is where the offending item starts.
public enum CBORError: Error, Sendable, Equatable {
    /// The input is larger than the decoder's limit.
    case tooLarge(size: Int, limit: Int)
    /// An item or a length runs past the end of the input.
    case truncated(offset: Int)
    /// Bytes are left after the one top-level item.
    case trailingBytes(offset: Int)
    /// An integer, length or tag not written in its shortest form.
    case nonMinimal(offset: Int)
    /// An indefinite-length string, array or map (or a stray break).
    case indefiniteLength(offset: Int)
    /// Additional information 28–30, which CBOR reserves.
    case reserved(offset: Int)
    /// A float, `undefined` or another simple value kaowu never writes.
    case unsupportedSimple(offset: Int)
    /// A text string that is not valid UTF-8.
    case invalidUTF8(offset: Int)
    /// The same key twice in one map.
    case duplicateKey(offset: Int)
    /// Map keys not in the deterministic order (sorted by their encoded bytes).
    case unsortedKeys(offset: Int)
    /// Arrays, maps and tags nested deeper than the limit.
    case tooDeep(offset: Int)

    /// A short stable word for the rule broken (used in rejection details).
    public var rule: String {
        switch self {
        case .tooLarge: return "too-large"
        case .truncated: return "truncated"
        case .trailingBytes: return "trailing-bytes"
        case .nonMinimal: return "non-minimal"
        case .indefiniteLength: return "indefinite-length"
        case .reserved: return "reserved"
        case .unsupportedSimple: return "unsupported-simple"
        case .invalidUTF8: return "invalid-utf8"
        case .duplicateKey: return "duplicate-key"
        case .unsortedKeys: return "unsorted-keys"
        case .tooDeep: return "too-deep"
        }
    }
}
