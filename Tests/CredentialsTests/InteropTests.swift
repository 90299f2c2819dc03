import Credentials
import Foundation
import Support
import Testing
import TestTools

/// Certificate codes against pycose and cbor2 (fixtures/credentials, made once by
/// scripts/fixtures/make_cose_fixtures.py): codes pycose signed verify as genuine with the claims pycose
/// put in; what pycose made differently (ES384, kid unprotected, untagged, unsorted claims) is refused;
/// codes kaowu signed (kaowu-codes.json) were verified by pycose and decoded by cbor2 to the same claims
/// (kaowu-codes-decoded.json), and kaowu's deterministic encoder still writes those payload bytes.
@Suite("COSE interoperability")
struct InteropTests {
    static func trust() throws -> TrustList { try TrustList.load(path: CredentialsFixtures.folder + "/issuer/trust.json") }
    static let checkDay = CredentialsFixtures.issueDay.addingTimeInterval(30 * 86_400)

    @Test func pycoseCodesAreGenuineWithTheirClaims() throws {
        let fixture = try #require(try CredentialsFixtures.json("pycose-codes.json") as? [String: Any])
        let genuine = try #require(fixture["genuine"] as? [[String: Any]])
        let verifier = CodeVerifier(trust: try Self.trust())
        #expect(genuine.count == 3)
        for code in genuine {
            let verdict = verifier.verify(code["text"] as! String, now: Self.checkDay) { _ in nil }
            #expect(verdict.status == .genuine && verdict.reason == "verify.ok", "\(code["label"]!): \(verdict.reason) \(verdict.detail ?? "")")
            let payload = try #require(verdict.payload)
            #expect(payload.issuer == code["issuer"] as? String && payload.number == code["number"] as? String)
            #expect(ISOTimeText.format(payload.issuedAt) == code["iat"] as? String)
            #expect(payload.expires.map(ISOTimeText.format) == code["exp"] as? String)
            #expect(payload.claims == CertificateClaims(name: code["name"] as! String, maskedID: code["maskedID"] as! String, kind: code["kind"] as! String,
                                                        title: code["title"] as! String, issuerCode: code["issuerCode"] as! String))
            #expect(verdict.kid?.hex == fixture["kid"] as? String && verdict.issuer?.name == "测试培训中心")
        }
    }

    @Test func whatPycoseMadeDifferentlyIsRefused() throws {
        let fixture = try #require(try CredentialsFixtures.json("pycose-codes.json") as? [String: Any])
        let refused = try #require(fixture["refused"] as? [[String: String]])
        let verifier = CodeVerifier(trust: try Self.trust())
        #expect(refused.count == 4)
        for code in refused {
            let verdict = verifier.verify(code["text"]!, now: Self.checkDay) { _ in nil }
            #expect(verdict.status == .forged && verdict.reason == code["reason"], "\(code["label"]!): \(verdict.reason) \(verdict.detail ?? "")")
            #expect(verdict.payload == nil)
        }
    }

    @Test func aKeyFolderMadeByAnotherToolLoadsAndSigns() throws {
        let folder = try CredentialsFixtures.pythonIssuer()
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        let key = try IssuerKey.load(folder: folder, at: Self.checkDay)
        #expect(key.issuerCode == "CSPXZX" && key.issuerName == "测试培训中心" && key.role == nil)
        let code = try CertificateCode.sign(CredentialsFixtures.payload(code: "CSPXZX", number: "CSPXZX2026000100"), key: key, baseURL: "https://v.cspx.example.cn/")
        #expect(code.text.hasPrefix("HTTPS://V.CSPX.EXAMPLE.CN/1/"))
        #expect(CodeVerifier(trust: try Self.trust()).verify(code.text, now: Self.checkDay) { _ in nil }.status == .genuine)
    }

    /// The codes kaowu signed, as pycose and cbor2 read them. With KAOWU_WRITE_FIXTURES=1 this test writes
    /// kaowu-codes.json instead (then run the script's `check`).
    @Test func kaowuCodesReadTheSameInCbor2AndPycose() throws {
        let people: [(number: String, name: String, title: String, years: Int?)] = [
            ("CSPXZX2026000101", "王小丫", "健康照护师（五级）", 5),
            ("CSPXZX2026000102", "司马相如", "2026年第一期企业培训师培训合格", nil),
            ("CSPXZX2026000103", "阿依古丽·买买提", "养老护理员 职业技能等级证书（四级）", 3),
        ]
        let codesPath = CredentialsFixtures.folder + "/kaowu-codes.json"
        if ProcessInfo.processInfo.environment["KAOWU_WRITE_FIXTURES"] == "1" {
            let folder = try CredentialsFixtures.pythonIssuer()
            let key = try IssuerKey.load(folder: folder, at: Self.checkDay)
            let codes = try people.map { person in
                let payload = CredentialsFixtures.payload(code: "CSPXZX", number: person.number, years: person.years, name: person.name, title: person.title)
                return ["label": person.number, "text": try CertificateCode.sign(payload, key: key, baseURL: "https://v.cspx.example.cn").text]
            }
            try JSONSerialization.data(withJSONObject: codes, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: codesPath))
            return
        }
        let codes = try #require(try CredentialsFixtures.json("kaowu-codes.json") as? [[String: String]])
        let decoded = try #require(try CredentialsFixtures.json("kaowu-codes-decoded.json") as? [[String: Any]])
        #expect(codes.count == people.count && decoded.count == people.count)
        let verifier = CodeVerifier(trust: try Self.trust())
        for ((code, python), person) in zip(zip(codes, decoded), people) {
            #expect(python["label"] as? String == person.number && python["tag"] as? Int == 18)
            #expect(python["signatureValid"] as? Bool == true, "pycose verified kaowu's signature")
            #expect(python["canonical"] as? Bool == true, "cbor2's canonical encoding of the claims is kaowu's")
            let protected = try #require(python["protected"] as? [String: Any])
            #expect(protected.count == 2 && protected["1"] as? Int == -7 && protected["4"] as? String == "a2e97664037f41fc")
            #expect(python["claimKeys"] as? [Int] == (person.years == nil ? [-65537, 1, 6, 7] : [-65537, 1, 4, 6, 7]))
            let verdict = verifier.verify(code["text"]!, now: Self.checkDay) { _ in nil }
            #expect(verdict.status == .genuine)
            let payload = try #require(verdict.payload)
            #expect(payload.number == python["number"] as? String && payload.issuer == python["issuer"] as? String)
            #expect(ISOTimeText.format(payload.issuedAt) == python["iat"] as? String && payload.expires.map(ISOTimeText.format) == python["exp"] as? String)
            #expect(payload.claims == CertificateClaims(name: python["name"] as! String, maskedID: python["maskedID"] as! String, kind: python["kind"] as! String,
                                                        title: python["title"] as! String, issuerCode: python["issuerCode"] as! String))
            #expect(payload.claims.name == person.name && payload.claims.title == person.title)
            // The encoder is deterministic: the same claims encode to the bytes cbor2 read.
            let again = CredentialsFixtures.payload(code: "CSPXZX", number: person.number, years: person.years, name: person.name, title: person.title)
            #expect(again == payload)
            let signed = try CertificateCode.decode(code["text"]!).signedBytes
            #expect(Array(signed.suffix(again.cwt().count)) == again.cwt())
        }
    }
}

/// `2026-12-04T00:00:00Z` for comparing with the fixtures' times.
enum ISOTimeText {
    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
