/// A CBOR data item (RFC 8949) of the kinds kaowu's signed statements use: integers, byte and text
/// strings, arrays, maps, tags, booleans and null. Floats, `undefined` and other simple values are not
/// representable: the decoder refuses them.
public indirect enum CBOR: Sendable, Equatable {
    /// Major type 0: 0 … 2⁶⁴−1.
    case unsigned(UInt64)
    /// Major type 1: the integer −1 − n.
    case negative(UInt64)
    case bytes([UInt8])
    case text(String)
    case array([CBOR])
    /// Pairs in the order they were decoded or given (the encoder sorts them).
    case map([CBORPair])
    case tagged(UInt64, CBOR)
    case bool(Bool)
    case null

    /// An integer within Int64's range.
    public static func int(_ value: Int64) -> CBOR {
        value >= 0 ? .unsigned(UInt64(value)) : .negative(UInt64(-(value + 1)))
    }

    /// The value as an Int64 when it is an integer that fits.
    public var int64: Int64? {
        switch self {
        case .unsigned(let n): return n <= UInt64(Int64.max) ? Int64(n) : nil
        case .negative(let n): return n <= UInt64(Int64.max) ? -1 - Int64(n) : nil
        default: return nil
        }
    }

    /// The text when the item is a text string.
    public var textValue: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// The bytes when the item is a byte string.
    public var bytesValue: [UInt8]? {
        if case .bytes(let bytes) = self { return bytes }
        return nil
    }

    /// The value of the integer key `key` when the item is a map holding it.
    public subscript(key: Int64) -> CBOR? {
        guard case .map(let pairs) = self else { return nil }
        return pairs.first { $0.key == .int(key) }?.value
    }

    /// The integer keys of a map (nil when the item is not a map or a key is not an integer).
    public var integerKeys: [Int64]? {
        guard case .map(let pairs) = self else { return nil }
        let keys = pairs.compactMap(\.key.int64)
        return keys.count == pairs.count ? keys : nil
    }
}
