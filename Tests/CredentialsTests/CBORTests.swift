import Credentials
import Foundation
import Testing

/// kaowu's CBOR against cbor2 (fixtures/credentials/cbor-vectors.json): cbor2's canonical encodings decode
/// to the values cbor2 started from and encode back to the same bytes; each invalid encoding is refused
/// for the rule it breaks.
@Suite("CBOR")
struct CBORTests {
    static func bytes(_ hex: String) -> [UInt8] {
        stride(from: 0, to: hex.count, by: 2).map { i in
            let start = hex.index(hex.startIndex, offsetBy: i)
            return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
        }
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    /// cbor2-style diagnostic text (the script's `diag`).
    static func diag(_ item: CBOR) -> String {
        switch item {
        case .unsigned(let n): return String(n)
        case .negative(let n): return n == .max ? "-18446744073709551616" : "-\(n + 1)"
        case .bytes(let b): return "h'\(hex(b))'"
        case .text(let t):
            let data = try! JSONSerialization.data(withJSONObject: t, options: [.fragmentsAllowed, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        case .array(let items): return "[" + items.map(diag).joined(separator: ", ") + "]"
        case .map(let pairs): return "{" + pairs.map { diag($0.key) + ": " + diag($0.value) }.joined(separator: ", ") + "}"
        case .tagged(let tag, let inner): return "\(tag)(\(diag(inner)))"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    @Test func cbor2CanonicalEncodingsRoundTrip() throws {
        let vectors = try #require(try CredentialsFixtures.json("cbor-vectors.json") as? [String: Any])
        let valid = try #require(vectors["valid"] as? [[String: String]])
        #expect(valid.count >= 30)
        for vector in valid {
            let input = Self.bytes(vector["hex"]!)
            let item = try CBORDecoder().decode(input)
            #expect(Self.diag(item) == vector["diag"], "\(vector)")
            #expect(CBOREncoder.encode(item) == input, "\(vector)")
        }
    }

    @Test func invalidEncodingsAreRefusedForTheirRule() throws {
        let vectors = try #require(try CredentialsFixtures.json("cbor-vectors.json") as? [String: Any])
        let invalid = try #require(vectors["invalid"] as? [[String: String]])
        #expect(invalid.count >= 30)
        for vector in invalid {
            do {
                let item = try CBORDecoder().decode(Self.bytes(vector["hex"]!))
                Issue.record("accepted \(vector): \(item)")
            } catch {
                #expect(error.rule == vector["rule"], "\(vector)")
            }
        }
    }

    @Test func theEncoderSortsKeysAndWritesShortestForms() {
        let map = CBOR.map([CBORPair(.text("aa"), .int(2)), CBORPair(.int(-1), .int(1)), CBORPair(.int(10), .int(0)), CBORPair(.int(1), .int(65_536))])
        // 1, 10, -1 (0x20), "aa" (0x62…): sorted by encoded bytes; 65536 takes the 4-byte form.
        #expect(Self.hex(CBOREncoder.encode(map)) == "a4011a000100000a00200162616102")
        #expect(Self.hex(CBOREncoder.encode(.int(23))) == "17" && Self.hex(CBOREncoder.encode(.int(24))) == "1818")
        #expect(Self.hex(CBOREncoder.encode(.int(-65_537))) == "3a00010000")
        // RFC 8949 §4.2.1 sorts by the encoded bytes (24 = 0x1818 before -1 = 0x20), not RFC 7049's length-first order.
        #expect(Self.hex(CBOREncoder.encode(.map([CBORPair(.int(-1), .null), CBORPair(.int(24), .null)]))) == "a21818f620f6")
        #expect((try? CBORDecoder().decode(Self.bytes("a220f61818f6"))) == nil)
    }

    @Test func limitsHoldWithoutLargeAllocations() {
        // A length of 2^64-1 announced in 9 bytes: refused before anything is allocated.
        #expect(throws: CBORError.truncated(offset: 0)) { try CBORDecoder().decode(Self.bytes("9bffffffffffffffff")) }
        #expect(throws: CBORError.tooLarge(size: 5_000, limit: 4_096)) { try CBORDecoder().decode([UInt8](repeating: 0, count: 5_000)) }
        // Nesting of 8 is fine, 9 is not.
        let eight = [UInt8](repeating: 0x81, count: 7) + [0x80]
        #expect((try? CBORDecoder().decode(eight)) != nil)
        #expect(throws: CBORError.tooDeep(offset: 8)) { try CBORDecoder().decode([UInt8](repeating: 0x81, count: 8) + [0x80]) }
    }
}
