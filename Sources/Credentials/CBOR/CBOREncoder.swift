/// Encodes CBOR deterministically (RFC 8949 §4.2.1, core deterministic encoding): the shortest argument
/// for every integer, length and tag, definite lengths only, map keys sorted by their encoded bytes. The
/// same item always gives the same bytes, so a signature made over them can be checked byte for byte.
public enum CBOREncoder {
    /// The encoding of `item`.
    public static func encode(_ item: CBOR) -> [UInt8] {
        var out: [UInt8] = []
        append(item, to: &out)
        return out
    }

    static func append(_ item: CBOR, to out: inout [UInt8]) {
        switch item {
        case .unsigned(let n): head(0, n, &out)
        case .negative(let n): head(1, n, &out)
        case .bytes(let bytes):
            head(2, UInt64(bytes.count), &out)
            out += bytes
        case .text(let text):
            let utf8 = Array(text.utf8)
            head(3, UInt64(utf8.count), &out)
            out += utf8
        case .array(let items):
            head(4, UInt64(items.count), &out)
            for element in items { append(element, to: &out) }
        case .map(let pairs):
            head(5, UInt64(pairs.count), &out)
            let encoded = pairs.map { (key: encode($0.key), value: encode($0.value)) }
            for pair in encoded.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
                out += pair.key
                out += pair.value
            }
        case .tagged(let tag, let inner):
            head(6, tag, &out)
            append(inner, to: &out)
        case .bool(let value): out.append(value ? 0xF5 : 0xF4)
        case .null: out.append(0xF6)
        }
    }

    /// The initial byte and the shortest argument for `value`.
    static func head(_ major: UInt8, _ value: UInt64, _ out: inout [UInt8]) {
        let type = major << 5
        switch value {
        case 0..<24: out.append(type | UInt8(value))
        case 24...0xFF: out += [type | 24, UInt8(value)]
        case 0x100...0xFFFF: out += [type | 25, UInt8(value >> 8), UInt8(value & 0xFF)]
        case 0x1_0000...0xFFFF_FFFF: out += [type | 26] + (0..<4).reversed().map { UInt8((value >> ($0 * 8)) & 0xFF) }
        default: out += [type | 27] + (0..<8).reversed().map { UInt8((value >> ($0 * 8)) & 0xFF) }
        }
    }
}
