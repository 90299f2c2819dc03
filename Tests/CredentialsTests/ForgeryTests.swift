import Credentials
import Crypto
import Foundation
import Support
import Testing

/// The forgery suite: more than 10,000 codes made from one genuine code — bit flips, truncations,
/// extensions, Base32 edits, strict-CBOR re-encodings re-signed with the GENUINE key (so only the decoder's
/// strictness can refuse them), changed claims re-signed with a foreign key, alg and kid swaps, expired,
/// revoked, not yet valid, wrong issuer — and not one is genuine; the run finishing is the proof none crashes.
@Suite("Forgery suite")
struct ForgeryTests {
    static let day = CredentialsFixtures.issueDay
    static let now = day.addingTimeInterval(86_400)
    static let url = "HTTPS://V.SHPX.ORG.CN/1/"

    /// Everything the mutations need: the genuine code, its parts, the genuine and a foreign key.
    struct Material {
        let genuine: SignedCode
        let key: P256.Signing.PrivateKey
        let kid: [UInt8]
        let foreign: P256.Signing.PrivateKey
        let foreignKid: [UInt8]
        let verifier: CodeVerifier
        let folders: [String]
    }

    static func material() throws -> Material {
        let (folder, key) = try CredentialsFixtures.keyFolder()
        let (otherFolder, foreign) = try CredentialsFixtures.keyFolder()          // same issuer name and code, not in the trust list
        let genuine = try CertificateCode.sign(CredentialsFixtures.payload(), key: key, baseURL: "https://v.shpx.org.cn")
        return Material(genuine: genuine, key: key.privateKey, kid: key.kid.bytes, foreign: foreign.privateKey, foreignKid: foreign.kid.bytes,
                        verifier: CodeVerifier(trust: try TrustList.load(path: folder + "/trust.json")), folders: [folder, otherFolder])
    }

    /// The CWT claims map with any claim replaced (`nil` leaves it out).
    static func claims(iss: CBOR? = .text("SHPX"), exp: CBOR? = .int(1_796_342_400 + 5 * 365 * 86_400), iat: CBOR? = .int(1_796_342_400),
                       cti: CBOR? = .bytes(Array("SHPX2026000123".utf8)), name: String = "张小明", title: String = "职业技能等级证书（育婴员四级）",
                       code: String = "SHPX", extra: [CBORPair] = []) -> CBOR {
        let claim = CBOR.map([CBORPair(.int(1), .text(name)), CBORPair(.int(2), .text("310101********1234")), CBORPair(.int(3), .text("电子证书")),
                              CBORPair(.int(4), .text(title)), CBORPair(.int(5), .text(code))])
        var pairs = [CBORPair(.int(-65_537), claim)] + extra
        for (key, value) in [(1, iss), (4, exp), (6, iat), (7, cti)] { if let value { pairs.append(CBORPair(.int(Int64(key)), value)) } }
        return .map(pairs)
    }

    static func protected(alg: CBOR? = .int(-7), kid: CBOR?, extra: [CBORPair] = []) -> [UInt8] {
        var pairs = extra
        if let alg { pairs.append(CBORPair(.int(1), alg)) }
        if let kid { pairs.append(CBORPair(.int(4), kid)) }
        return CBOREncoder.encode(.map(pairs))
    }

    /// A COSE_Sign1 from parts, signed over its Sig_structure by `signer` (or carrying `signature`).
    static func cose(protected: [UInt8], unprotected: CBOR = .map([]), payload: [UInt8], signer: P256.Signing.PrivateKey?,
                     signature: [UInt8]? = nil, tag: UInt64? = 18) throws -> [UInt8] {
        let signed = CBOREncoder.encode(.array([.text("Signature1"), .bytes(protected), .bytes([]), .bytes(payload)]))
        let raw = try signature ?? signer.map { Array(try $0.signature(for: signed).rawRepresentation) } ?? []
        let message = CBOR.array([.bytes(protected), unprotected, .bytes(payload), .bytes(raw)])
        return CBOREncoder.encode(tag.map { .tagged($0, message) } ?? message)
    }

    @Test func noMutationIsGenuine() throws {
        let m = try Self.material()
        defer { for f in m.folders { try? FileManager.default.removeItem(atPath: f) } }
        var random = SeededRandom(seed: 0x4B414F5755)
        var reasons: [String: Int] = [:]
        var count = 0
        let revokedNumber = "SHPX2026000999"
        func check(_ text: String, _ what: @autoclosure () -> String, expect reason: String? = nil) {
            count += 1
            let verdict = m.verifier.verify(text, now: Self.now) { $0 == revokedNumber ? RevocationEntry(number: $0, reason: "test", at: Self.day) : nil }
            reasons[verdict.reason, default: 0] += 1
            #expect(verdict.status != .genuine, "\(what()) was accepted as genuine")
            if verdict.status == .forged || verdict.status == .unknownIssuer {
                // A forged code's claims are never handed out as facts.
                #expect(verdict.payload == nil || verdict.reason == "verify.issuer-mismatch" || verdict.reason == "verify.key-not-valid" || verdict.reason == "verify.not-yet-valid")
            }
            if let reason { #expect(verdict.reason == reason, "\(what()): \(verdict.reason) \(verdict.detail ?? "")") }
        }
        func text(_ bytes: [UInt8]) -> String { Self.url + Base32.encode(bytes) }
        let bytes = m.genuine.coseBytes
        #expect(m.verifier.verify(m.genuine.text, now: Self.now) { _ in nil }.status == .genuine, "the starting code is genuine")

        // 1. Bit flips (1-3 bits) anywhere in the COSE bytes: 4,000.
        for _ in 0..<4_000 {
            var flipped = bytes
            for _ in 0..<Int.random(in: 1...3, using: &random) { flipped[Int.random(in: 0..<flipped.count, using: &random)] ^= 1 << UInt8.random(in: 0...7, using: &random) }
            if flipped == bytes { flipped[0] ^= 0x01 }
            check(text(flipped), "bit flips \(flipped)")
        }
        // Every single bit of the signed code flipped once.
        for index in bytes.indices {
            for bit in 0..<8 {
                var flipped = bytes
                flipped[index] ^= 1 << UInt8(bit)
                check(text(flipped), "bit \(bit) of byte \(index) flipped")
            }
        }
        // 2. Truncations at every length, 3. extensions with random bytes.
        for length in 0..<bytes.count { check(text(Array(bytes.prefix(length))), "truncated to \(length)") }
        for _ in 0..<500 { check(text(bytes + (0..<Int.random(in: 1...24, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }), "extended") }
        // 4. Base32 edits after /1/: a character replaced, inserted, removed; lower case.
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        let body = Array(Base32.encode(bytes))
        for _ in 0..<1_000 {
            var edited = body
            let i = Int.random(in: 0..<edited.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: edited[i] = alphabet.filter { $0 != edited[i] }.randomElement(using: &random)!
            case 1: edited.insert(alphabet.randomElement(using: &random)!, at: i)
            default: edited.remove(at: i)
            }
            check(Self.url + String(edited), "Base32 edited at \(i)")
        }
        check(Self.url + String(body).lowercased(), "lower case", expect: "verify.malformed")
        check(Self.url + String(body) + "=", "padded", expect: "verify.malformed")

        // 5. Re-encodings re-signed with the genuine key: only strictness refuses them.
        let kid = CBOR.bytes(m.kid)
        let genuineProtected = Self.protected(kid: kid)
        let payload = CBOREncoder.encode(Self.claims())
        // The suite builds codes as kaowu does: the genuine parts rebuild the genuine bytes exactly.
        #expect(try Self.cose(protected: genuineProtected, payload: payload, signer: nil, signature: Array(bytes.suffix(64))) == bytes)
        let resigned: [(String, [UInt8])] = [
            ("untagged", try Self.cose(protected: genuineProtected, payload: payload, signer: m.key, tag: nil)),
            ("tag 17", try Self.cose(protected: genuineProtected, payload: payload, signer: m.key, tag: 17)),
            ("tag 98", try Self.cose(protected: genuineProtected, payload: payload, signer: m.key, tag: 98)),
            ("tag 61", try Self.cose(protected: genuineProtected, payload: payload, signer: m.key, tag: 61)),
            ("CWT tag 61 around tag 18", CBOREncoder.encode(.tagged(61, try CBORDecoder().decode(try Self.cose(protected: genuineProtected, payload: payload, signer: m.key))))),
            ("unprotected kid", try Self.cose(protected: Self.protected(kid: nil), unprotected: .map([CBORPair(.int(4), kid)]), payload: payload, signer: m.key)),
            ("unprotected extra", try Self.cose(protected: genuineProtected, unprotected: .map([CBORPair(.int(3), .int(0))]), payload: payload, signer: m.key)),
            ("protected content type", try Self.cose(protected: Self.protected(kid: kid, extra: [CBORPair(.int(3), .text("application/cwt"))]), payload: payload, signer: m.key)),
            ("protected crit", try Self.cose(protected: Self.protected(kid: kid, extra: [CBORPair(.int(2), .array([.int(99)]))]), payload: payload, signer: m.key)),
            ("extra claim sub", try Self.cose(protected: genuineProtected, payload: CBOREncoder.encode(Self.claims(extra: [CBORPair(.int(2), .text("x"))])), signer: m.key)),
            ("extra claim nbf", try Self.cose(protected: genuineProtected, payload: CBOREncoder.encode(Self.claims(extra: [CBORPair(.int(5), .int(0))])), signer: m.key)),
            ("no iss", try Self.cose(protected: genuineProtected, payload: CBOREncoder.encode(Self.claims(iss: nil)), signer: m.key)),
            ("no iat", try Self.cose(protected: genuineProtected, payload: CBOREncoder.encode(Self.claims(iat: nil)), signer: m.key)),
            ("no cti", try Self.cose(protected: genuineProtected, payload: CBOREncoder.encode(Self.claims(cti: nil)), signer: m.key)),
            ("cti as text", try Self.cose(protected: genuineProtected, payload: CBOREncoder.encode(Self.claims(cti: .text("SHPX2026000123"))), signer: m.key)),
            ("iat negative", try Self.cose(protected: genuineProtected, payload: CBOREncoder.encode(Self.claims(iat: .int(-1))), signer: m.key)),
            ("iat as text", try Self.cose(protected: genuineProtected, payload: CBOREncoder.encode(Self.claims(iat: .text("2026"))), signer: m.key)),
            ("iat tagged", try Self.cose(protected: genuineProtected, payload: CBOREncoder.encode(Self.claims(iat: .tagged(1, .int(1_796_342_400)))), signer: m.key)),
            ("exp before iat", try Self.cose(protected: genuineProtected, payload: CBOREncoder.encode(Self.claims(exp: .int(1_796_342_399))), signer: m.key)),
            ("exp after 9999", try Self.cose(protected: genuineProtected, payload: CBOREncoder.encode(Self.claims(exp: .unsigned(.max))), signer: m.key)),
            ("iss not a code", try Self.cose(protected: genuineProtected, payload: CBOREncoder.encode(Self.claims(iss: .text("shpx"))), signer: m.key)),
            ("empty name", try Self.cose(protected: genuineProtected, payload: CBOREncoder.encode(Self.claims(name: "")), signer: m.key)),
            ("payload not a map", try Self.cose(protected: genuineProtected, payload: CBOREncoder.encode(.array([])), signer: m.key)),
            ("payload null", try Self.cose(protected: genuineProtected, payload: [0xF6], signer: m.key)),
            ("protected empty", try Self.cose(protected: [], payload: payload, signer: m.key)),
            ("protected not a map", try Self.cose(protected: CBOREncoder.encode(.array([.int(-7)])), payload: payload, signer: m.key)),
        ]
        for (what, code) in resigned { check(text(code), what, expect: "verify.malformed") }
        // Byte-level re-encodings of the genuine structure (non-minimal, indefinite, duplicate, unsorted, floats), each re-signed.
        let payloadVariants: [(String, [UInt8])] = [
            ("iat non-minimal (8 bytes)", Self.replace(payload, CBOREncoder.encode(.int(6)) + [0x1A] + Self.be(1_796_342_400, 4), with: [0x06, 0x1B] + Self.be(1_796_342_400, 8))),
            ("key 1 non-minimal", Self.replace(payload, [0x01, 0x64], with: [0x18, 0x01, 0x64])),
            ("map indefinite", [0xBF] + payload.dropFirst() + [0xFF]),
            ("iss indefinite text", Self.replace(payload, [0x01, 0x64] + Array("SHPX".utf8), with: [0x01, 0x7F, 0x64] + Array("SHPX".utf8) + [0xFF])),
            ("duplicate iss", [payload[0] + 1] + payload.dropFirst() + [0x01, 0x64] + Array("EVIL".utf8)),
            ("duplicate key in the middle", [payload[0] + 1] + payload.dropFirst() + [0x06, 0x00]),
            ("unsorted keys", CBOREncoder.encode(.map([])) == [0xA0] ? Self.unsorted(payload) : []),
            ("iat as float", Self.replace(payload, [0x06, 0x1A] + Self.be(1_796_342_400, 4), with: [0x06, 0xFB, 0x41, 0xDA, 0xC4, 0x80, 0xA0, 0x00, 0x00, 0x00])),
            ("iat undefined", Self.replace(payload, [0x06, 0x1A] + Self.be(1_796_342_400, 4), with: [0x06, 0xF7])),
            ("trailing byte in payload", payload + [0x00]),
            ("name not UTF-8", Self.replace(payload, Array("张小明".utf8), with: [0xE5, 0xBC, 0xA0, 0xE5, 0xB0, 0x8F, 0xE6, 0x98, 0x0E])),
        ]
        for (what, variant) in payloadVariants {
            #expect(variant != payload && !variant.isEmpty, "\(what) changes the payload")
            check(text(try Self.cose(protected: genuineProtected, payload: variant, signer: m.key)), what, expect: "verify.malformed")
        }
        let outer = try Self.cose(protected: genuineProtected, payload: payload, signer: m.key)
        let outerVariants: [(String, [UInt8])] = [
            ("tag non-minimal", [0xD8, 0x12] + outer.dropFirst()),
            ("array indefinite", [0xD2, 0x9F] + outer.dropFirst(2) + [0xFF]),
            ("array of 5", [0xD2, 0x85] + outer.dropFirst(2) + [0x40]),
            ("protected length non-minimal", [0xD2, 0x84, 0x58, outer[2] & 0x1F] + outer.dropFirst(3)),
            ("trailing byte", outer + [0x00]),
            ("two messages", outer + outer),
        ]
        for (what, variant) in outerVariants { check(text(variant), what, expect: "verify.malformed") }

        // 6. Changed claims re-signed with a foreign key: under its own kid (unknown issuer) or the genuine kid (bad signature).
        let names = ["张小明", "张晓明", "李四", "王五", "赵六", "欧阳娜娜"]
        for index in 0..<1_000 {
            let changed = Self.claims(exp: .int(1_796_342_400 + Int64.random(in: 1...50, using: &random) * 365 * 86_400),
                                      cti: .bytes(Array("SHPX2026\(String(format: "%06d", Int.random(in: 0...999_999, using: &random)))".utf8)),
                                      name: names.randomElement(using: &random)!, title: ["高级育婴员", "职业技能等级证书（育婴员一级）", "合格"].randomElement(using: &random)!)
            let ownKid = index % 2 == 0
            let code = try Self.cose(protected: Self.protected(kid: .bytes(ownKid ? m.foreignKid : m.kid)), payload: CBOREncoder.encode(changed), signer: m.foreign)
            check(text(code), "claims re-signed with a foreign key", expect: ownKid ? "verify.unknown-key" : "verify.bad-signature")
        }
        // The genuine claims, the genuine signature, a transplanted payload: signatures do not move.
        let other = try Self.cose(protected: genuineProtected, payload: CBOREncoder.encode(Self.claims(name: "李四")), signer: m.key)
        check(text(try Self.cose(protected: genuineProtected, payload: CBOREncoder.encode(Self.claims(name: "李四")), signer: nil, signature: Array(bytes.suffix(64)))),
              "the genuine signature on other claims", expect: "verify.bad-signature")
        check(text(try Self.cose(protected: genuineProtected, payload: payload, signer: nil, signature: Array(other.suffix(64)))),
              "another code's signature", expect: "verify.bad-signature")

        // 7. alg swaps: ES384, EdDSA, none, ES512, HMAC, text, missing — signed by the genuine key.
        for alg: CBOR in [.int(-35), .int(-8), .int(0), .int(-36), .int(5), .int(-257), .text("ES256"), .text("none"), .int(-6), .int(7)] {
            check(text(try Self.cose(protected: Self.protected(alg: alg, kid: kid), payload: payload, signer: m.key)), "alg \(alg)", expect: "verify.unsupported-alg")
        }
        check(text(try Self.cose(protected: Self.protected(alg: .int(0), kid: kid), payload: payload, signer: nil, signature: [])), "alg none, no signature",
              expect: "verify.unsupported-alg")
        check(text(try Self.cose(protected: Self.protected(alg: nil, kid: kid), payload: payload, signer: m.key)), "alg missing", expect: "verify.malformed")
        // 8. kid swaps: random kids, wrong lengths, kid as text.
        for _ in 0..<500 {
            let randomKid = (0..<8).map { _ in UInt8.random(in: 0...255, using: &random) }
            check(text(try Self.cose(protected: Self.protected(kid: .bytes(randomKid)), payload: payload, signer: m.key)), "random kid", expect: "verify.unknown-key")
        }
        for length in [0, 1, 7, 9, 16, 32] {
            check(text(try Self.cose(protected: Self.protected(kid: .bytes(Array(repeating: 7, count: length))), payload: payload, signer: m.key)), "kid of \(length)", expect: "verify.malformed")
        }
        check(text(try Self.cose(protected: Self.protected(kid: .text(Self.hex(m.kid))), payload: payload, signer: m.key)), "kid as text", expect: "verify.malformed")
        check(text(try Self.cose(protected: Self.protected(kid: .bytes(m.foreignKid)), payload: payload, signer: m.key)), "foreign kid", expect: "verify.unknown-key")
        // 9. Expired, revoked, not yet valid, wrong issuer, back-dated — signed with the genuine key, each not genuine for its reason.
        let signedCases: [(String, CBOR, String)] = [
            ("expired", Self.claims(exp: .int(1_796_342_400 + 3_600), iat: .int(1_796_342_400)), "verify.expired"),
            ("revoked", Self.claims(cti: .bytes(Array(revokedNumber.utf8))), "verify.revoked"),
            ("issued tomorrow", Self.claims(iat: .int(1_796_342_400 + 2 * 86_400)), "verify.not-yet-valid"),
            ("issued before the key", Self.claims(iat: .int(1_796_342_400 - 2 * 86_400)), "verify.key-not-valid"),
            ("wrong iss", Self.claims(iss: .text("BJPX")), "verify.issuer-mismatch"),
            ("wrong claim issuer", Self.claims(code: "BJPX"), "verify.issuer-mismatch"),
        ]
        for (what, claims, reason) in signedCases {
            check(text(try Self.cose(protected: genuineProtected, payload: CBOREncoder.encode(claims), signer: m.key)), what, expect: reason)
        }
        // 10. Garbage: random bytes as Base32, random text, huge input.
        for _ in 0..<1_000 {
            let junk = (0..<Int.random(in: 0...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            check(text(junk), "random bytes")
        }
        for _ in 0..<300 {
            let scalars = (0..<Int.random(in: 0...80, using: &random)).compactMap { _ in Unicode.Scalar(UInt32.random(in: 0...0x2FFFF, using: &random)) }
            check(String(String.UnicodeScalarView(scalars)), "random text")
        }
        check(Self.url + String(repeating: "A", count: 4_000), "oversized", expect: "verify.malformed")
        check(String(repeating: "/1/", count: 700), "only separators", expect: "verify.malformed")

        #expect(count >= 10_000, "\(count) mutations")
        print("forgery suite: \(count) codes, none genuine; by reason: \(reasons.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
    }

    static func be(_ value: UInt64, _ width: Int) -> [UInt8] { (0..<width).reversed().map { UInt8((value >> (UInt64($0) * 8)) & 0xFF) } }

    static func replace(_ bytes: [UInt8], _ old: [UInt8], with new: [UInt8]) -> [UInt8] {
        for start in 0...(bytes.count - old.count) where Array(bytes[start..<start + old.count]) == old {
            return Array(bytes[..<start]) + new + Array(bytes[(start + old.count)...])
        }
        return []
    }

    /// The claims map with its first two pairs (iss, exp) swapped.
    static func unsorted(_ payload: [UInt8]) -> [UInt8] {
        guard case .map(let pairs)? = try? CBORDecoder().decode(payload) else { return [] }
        let encoded = pairs.map { CBOREncoder.encode($0.key) + CBOREncoder.encode($0.value) }
        return [payload[0]] + encoded[1] + encoded[0] + encoded.dropFirst(2).flatMap { $0 }
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
}
