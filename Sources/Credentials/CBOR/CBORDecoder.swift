/// A strict decoder for the deterministic CBOR kaowu writes. It accepts exactly one item, written as
/// `CBOREncoder` writes it, and refuses everything else: bytes after the item, non-shortest integers,
/// lengths and tags, indefinite lengths, reserved additional information, floats, `undefined` and other
/// simple values, text that is not UTF-8, duplicate or unsorted map keys, nesting deeper than `maxDepth`,
/// and input larger than `maxSize`. Every length is checked against the bytes left before anything is
/// allocated, so hostile input costs no more memory than its own size and never traps.
public struct CBORDecoder: Sendable {
    /// Largest input accepted, in bytes.
    public var maxSize: Int
    /// Deepest nesting of arrays, maps and tags accepted (the top item is depth 1).
    public var maxDepth: Int

    public init(maxSize: Int = 4_096, maxDepth: Int = 8) {
        self.maxSize = maxSize
        self.maxDepth = maxDepth
    }

    /// The one item `bytes` hold.
    public func decode(_ bytes: [UInt8]) throws(CBORError) -> CBOR {
        guard bytes.count <= maxSize else { throw .tooLarge(size: bytes.count, limit: maxSize) }
        var reader = Reader(bytes: bytes, maxDepth: maxDepth)
        let item = try reader.item(depth: 1)
        guard reader.offset == bytes.count else { throw .trailingBytes(offset: reader.offset) }
        return item
    }

    /// Reads items from the front of the input.
    private struct Reader {
        let bytes: [UInt8]
        let maxDepth: Int
        var offset = 0

        var remaining: Int { bytes.count - offset }

        mutating func byte(_ start: Int) throws(CBORError) -> UInt8 {
            guard offset < bytes.count else { throw .truncated(offset: start) }
            defer { offset += 1 }
            return bytes[offset]
        }

        /// The argument of an item whose initial byte has additional information `info`, in its shortest form.
        mutating func argument(_ info: UInt8, start: Int) throws(CBORError) -> UInt64 {
            let width: Int
            switch info {
            case 0..<24: return UInt64(info)
            case 24: width = 1
            case 25: width = 2
            case 26: width = 4
            case 27: width = 8
            case 31: throw .indefiniteLength(offset: start)
            default: throw .reserved(offset: start)
            }
            guard remaining >= width else { throw .truncated(offset: start) }
            var value: UInt64 = 0
            for _ in 0..<width { value = value << 8 | UInt64(bytes[offset]); offset += 1 }
            let smallest: UInt64 = switch width { case 1: 24; case 2: 0x100; case 4: 0x1_0000; default: 0x1_0000_0000 }
            guard value >= smallest else { throw .nonMinimal(offset: start) }
            return value
        }

        /// A length that the rest of the input can hold, at `unit` bytes per element at least.
        mutating func length(_ info: UInt8, start: Int, unit: Int) throws(CBORError) -> Int {
            let value = try argument(info, start: start)
            guard value <= UInt64(remaining / unit) else { throw .truncated(offset: start) }
            return Int(value)
        }

        mutating func item(depth: Int) throws(CBORError) -> CBOR {
            let start = offset
            let initial = try byte(start)
            let major = initial >> 5, info = initial & 0x1F
            switch major {
            case 0: return .unsigned(try argument(info, start: start))
            case 1: return .negative(try argument(info, start: start))
            case 2:
                let count = try length(info, start: start, unit: 1)
                defer { offset += count }
                return .bytes(Array(bytes[offset..<offset + count]))
            case 3:
                let count = try length(info, start: start, unit: 1)
                guard let text = String(validating: bytes[offset..<offset + count], as: UTF8.self) else { throw .invalidUTF8(offset: start) }
                offset += count
                return .text(text)
            case 4:
                guard depth <= maxDepth else { throw .tooDeep(offset: start) }
                let count = try length(info, start: start, unit: 1)
                var items: [CBOR] = []
                items.reserveCapacity(count)
                for _ in 0..<count { items.append(try item(depth: depth + 1)) }
                return .array(items)
            case 5:
                guard depth <= maxDepth else { throw .tooDeep(offset: start) }
                let count = try length(info, start: start, unit: 2)
                var pairs: [CBORPair] = []
                pairs.reserveCapacity(count)
                var previousKey: ArraySlice<UInt8>?
                for _ in 0..<count {
                    let keyStart = offset
                    let key = try item(depth: depth + 1)
                    let keyBytes = bytes[keyStart..<offset]
                    if let previousKey {
                        if previousKey.elementsEqual(keyBytes) { throw .duplicateKey(offset: keyStart) }
                        if !previousKey.lexicographicallyPrecedes(keyBytes) {
                            // A key equal to an earlier one further back is still a duplicate.
                            if pairs.contains(where: { $0.key == key }) { throw .duplicateKey(offset: keyStart) }
                            throw .unsortedKeys(offset: keyStart)
                        }
                    }
                    previousKey = keyBytes
                    pairs.append(CBORPair(key, try item(depth: depth + 1)))
                }
                return .map(pairs)
            case 6:
                guard depth <= maxDepth else { throw .tooDeep(offset: start) }
                let tag = try argument(info, start: start)
                return .tagged(tag, try item(depth: depth + 1))
            default:
                switch info {
                case 20: return .bool(false)
                case 21: return .bool(true)
                case 22: return .null
                case 31: throw .indefiniteLength(offset: start)
                case 28...30: throw .reserved(offset: start)
                default: throw .unsupportedSimple(offset: start)
                }
            }
        }
    }
}
