#if canImport(Glibc)
import Glibc
#endif

/// Checks that a stream of bytes is valid UTF-8, chunk by chunk.
public struct UTF8Validator {
    private var pending = 0
    /// Bytes seen so far.
    public private(set) var offset = 0

    public init() {}

    /// Feeds `chunk`; false at the first byte that cannot be UTF-8 (`offset` then points at it).
    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in chunk {
            if pending > 0 {
                guard byte & 0xC0 == 0x80 else { return false }
                pending -= 1
            } else if byte >= 0x80 {
                switch byte {
                case 0xC2...0xDF: pending = 1
                case 0xE0...0xEF: pending = 2
                case 0xF0...0xF4: pending = 3
                default: return false
                }
            }
            offset += 1
        }
        return true
    }

    /// Whether the stream ended on a character boundary.
    public var isComplete: Bool { pending == 0 }
}
