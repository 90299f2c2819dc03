import Credentials
import Testing

/// RFC 4648 §10's test vectors (upper case, padding removed) and the strictness that gives each byte
/// string exactly one text.
@Suite("Base32")
struct Base32Tests {
    @Test func rfc4648Vectors() {
        let vectors = ["": "", "f": "MY", "fo": "MZXQ", "foo": "MZXW6", "foob": "MZXW6YQ", "fooba": "MZXW6YTB", "foobar": "MZXW6YTBOI"]
        for (plain, encoded) in vectors {
            #expect(Base32.encode(Array(plain.utf8)) == encoded)
            #expect(Base32.decode(encoded[...]) == Array(plain.utf8))
        }
    }

    @Test func onlyCanonicalUpperCaseTextDecodes() {
        #expect(Base32.decode("mzxw6"[...]) == nil)          // lower case
        #expect(Base32.decode("MZXW6==="[...]) == nil)       // padding
        #expect(Base32.decode("MZXW1"[...]) == nil)          // 1 is not in the alphabet
        #expect(Base32.decode("MZX"[...]) == nil)            // 3 characters past a multiple of 8: impossible
        #expect(Base32.decode("MY"[...]) == Array("f".utf8))
        #expect(Base32.decode("MY "[...]) == nil)
        #expect(Base32.decode("MZ"[...]) == nil)             // unused trailing bits not zero: another text for "f"
        for byte in UInt8.min...UInt8.max { #expect(Base32.decode(Base32.encode([byte, byte &* 7])[...]) == [byte, byte &* 7]) }
    }
}
