import Credentials
import Crypto
import Foundation
import Support
import Testing
import TestTools

/// Approvals (dual sign-off) and signed revocation lists: each verifies only for what was signed, by the
/// key and role the trust list names.
@Suite("Approvals and revocation lists")
struct SignedStatementTests {
    static let day = CredentialsFixtures.issueDay
    static let batch = String(repeating: "ab", count: 32)

    struct Approvers {
        let school: IssuerKey, evaluator: IssuerKey, issuer: IssuerKey
        let folders: [String]
        let trust: TrustList
    }

    static func approvers() throws -> Approvers {
        let school = try CredentialsFixtures.keyFolder(name: "某某职业培训学校", code: "MMPX", role: "培训机构")
        let evaluator = try CredentialsFixtures.keyFolder(name: "上海市职业技能评价中心", code: "SHPJ", role: "评价组织")
        let issuer = try CredentialsFixtures.keyFolder()
        var trust = TrustList()
        for folder in [school.folder, evaluator.folder, issuer.folder] { trust.merge(try TrustList.load(path: folder + "/trust.json")) }
        return Approvers(school: school.key, evaluator: evaluator.key, issuer: issuer.key, folders: [school.folder, evaluator.folder, issuer.folder], trust: trust)
    }

    static func reason(_ check: () throws -> Void) -> String? {
        do { try check(); return nil } catch { return (error as? Diagnostic)?.code ?? "\(error)" }
    }

    @Test func anApprovalVerifiesOnlyForItsBatchRoleAndKey() throws {
        let a = try Self.approvers()
        defer { for f in a.folders { try? FileManager.default.removeItem(atPath: f) } }
        let approval = try Approval.sign(batchHash: Self.batch, role: "培训机构", key: a.school, at: Self.day)
        #expect(approval.issuerCode == "MMPX" && approval.kid == a.school.kid && approval.signedAt == Self.day)
        #expect(Self.reason { try approval.verify(expectedHash: Self.batch, trust: a.trust) } == nil)
        // Through JSON (base64 COSE, ISO time) and back.
        let json = try JSONEncoder().encode(approval)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains(#""signed-at":"2026-12-04T00:00:00Z""#) && text.contains(#""batch-hash":"\#(Self.batch)""#))
        let read = try JSONDecoder().decode(Approval.self, from: json)
        #expect(read == approval && Self.reason { try read.verify(expectedHash: Self.batch, trust: a.trust) } == nil)

        // The batch changed.
        #expect(Self.reason { try approval.verify(expectedHash: String(repeating: "cd", count: 32), trust: a.trust) } == "approval.batch-changed")
        // Fields that say something else than what was signed.
        var relabelled = approval
        relabelled.role = "评价组织"
        #expect(Self.reason { try relabelled.verify(expectedHash: Self.batch, trust: a.trust) } == "approval.mismatch")
        var rehashed = approval
        rehashed.batchHash = String(repeating: "cd", count: 32)
        #expect(Self.reason { try rehashed.verify(expectedHash: rehashed.batchHash, trust: a.trust) } == "approval.mismatch")
        var redated = approval
        redated.signedAt = Self.day.addingTimeInterval(1)
        #expect(Self.reason { try redated.verify(expectedHash: Self.batch, trust: a.trust) } == "approval.mismatch")
        // A flipped byte of the signature; an approval from a key the trust list lacks.
        var flipped = approval
        flipped.cose[flipped.cose.count - 5] ^= 0x01
        #expect(Self.reason { try flipped.verify(expectedHash: Self.batch, trust: a.trust) } == "approval.bad-signature")
        #expect(Self.reason { try approval.verify(expectedHash: Self.batch, trust: try TrustList.load(path: a.folders[1] + "/trust.json")) } == "approval.unknown-key")
        var truncated = approval
        truncated.cose.removeLast()
        #expect(Self.reason { try truncated.verify(expectedHash: Self.batch, trust: a.trust) } == "approval.malformed")
        // The trust list gives the key another role than the one it approved as.
        var issuers = a.trust.issuers
        issuers[0].role = "评价组织"
        #expect(Self.reason { try approval.verify(expectedHash: Self.batch, trust: try TrustList(issuers: issuers)) } == "approval.role-mismatch")
    }

    @Test func onlyAKeyOfThatRoleMaySign() throws {
        let a = try Self.approvers()
        defer { for f in a.folders { try? FileManager.default.removeItem(atPath: f) } }
        #expect(Self.reason { _ = try Approval.sign(batchHash: Self.batch, role: "评价组织", key: a.school, at: Self.day) } == "approval.cannot-sign")
        #expect(Self.reason { _ = try Approval.sign(batchHash: Self.batch, role: "培训机构", key: a.issuer, at: Self.day) } == "approval.cannot-sign")
        #expect(Self.reason { _ = try Approval.sign(batchHash: "ABC", role: "培训机构", key: a.school, at: Self.day) } == "approval.cannot-sign")
        let evaluator = try Approval.sign(batchHash: Self.batch, role: "评价组织", key: a.evaluator, at: Self.day)
        #expect(Self.reason { try evaluator.verify(expectedHash: Self.batch, trust: a.trust) } == nil)
        // An approval cannot pass for a certificate code, nor a revocation list.
        #expect(throws: CodeRejection.self) { try CertificateCode.decode(Base32.encode(evaluator.cose)) }
        #expect(Self.reason { _ = try RevocationList.verify(evaluator.cose, trust: a.trust) } == "revocations.malformed")
    }

    @Test func aRevocationListVerifiesForItsIssuer() throws {
        let a = try Self.approvers()
        defer { for f in a.folders { try? FileManager.default.removeItem(atPath: f) } }
        let entries = [RevocationEntry(number: "SHPX2026000123", reason: "reissued", at: Self.day.addingTimeInterval(3_600)),
                       RevocationEntry(number: "SHPX2026000007", reason: "证书信息有误，已换发", at: Self.day.addingTimeInterval(60))]
        let bytes = try RevocationList.signed(entries, issuerCode: "SHPX", key: a.issuer, at: Self.day.addingTimeInterval(7_200))
        let list = try RevocationList.verify(bytes, trust: a.trust)
        #expect(list.issuerCode == "SHPX" && list.issuedAt == Self.day.addingTimeInterval(7_200))
        #expect(list.entries == entries.reversed(), "sorted by number")
        // The verifier asks the list.
        let code = try CertificateCode.sign(CredentialsFixtures.payload(), key: a.issuer, baseURL: "https://v.shpx.org.cn").text
        let verdict = CodeVerifier(trust: a.trust).verify(code, now: Self.day.addingTimeInterval(86_400)) { number in list.entries.first { $0.number == number } }
        #expect(verdict.status == .revoked && verdict.revocation?.reason == "reissued")

        #expect(Self.reason { _ = try RevocationList.signed(entries, issuerCode: "MMPX", key: a.issuer, at: Self.day) } == "revocations.cannot-sign")
        #expect(Self.reason { _ = try RevocationList.signed(entries + entries, issuerCode: "SHPX", key: a.issuer, at: Self.day) } == "revocations.cannot-sign")
        var flipped = bytes
        flipped[flipped.count - 1] ^= 0x80
        #expect(Self.reason { _ = try RevocationList.verify(flipped, trust: a.trust) } == "revocations.bad-signature")
        #expect(Self.reason { _ = try RevocationList.verify(bytes, trust: try TrustList.load(path: a.folders[0] + "/trust.json")) } == "revocations.unknown-key")
        var issuers = a.trust.issuers
        issuers[2].code = "SHPY"
        #expect(Self.reason { _ = try RevocationList.verify(bytes, trust: try TrustList(issuers: issuers)) } == "revocations.issuer-mismatch")
        #expect(Self.reason { _ = try RevocationList.verify(Array(bytes.dropLast()), trust: a.trust) } == "revocations.malformed")
        // An empty list is a list.
        #expect(try RevocationList.verify(try RevocationList.signed([], issuerCode: "SHPX", key: a.issuer, at: Self.day), trust: a.trust).entries.isEmpty)
    }

    @Test func holderKeysAndMasks() {
        let key = HolderKey.of(documentNumber: "31010119900307123x")
        #expect(key.count == 64 && key == HolderKey.of(documentNumber: " 310101-19900307-123X "))
        #expect(key != HolderKey.of(documentNumber: "310101199003071234"))
        // Not a bare hash of the number (the prefix is part of it).
        let bare = SHA256.hash(data: Data("31010119900307123X".utf8)).map { String(format: "%02x", $0) }.joined()
        let prefixed = SHA256.hash(data: Data("kaowu-holder-v1\n31010119900307123X".utf8)).map { String(format: "%02x", $0) }.joined()
        #expect(key != bare && key == prefixed)
        #expect(IDMask.mask("310101199003071234") == "310101********1234")
        #expect(IDMask.mask("E12345678") == "E1*****78")
        #expect(IDMask.mask("H1234567890") == "H12345*7890")
        #expect(IDMask.mask("12345") == "12*45" && IDMask.mask("1234") == "****" && IDMask.mask("") == "")
    }
}
