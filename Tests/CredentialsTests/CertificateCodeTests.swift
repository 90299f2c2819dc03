import Credentials
import Foundation
import Render
import Support
import Testing
import TestTools

/// Signing and verifying certificate codes: what the QR carries and how big it is, and each verdict in
/// the order a verifier checks.
@Suite("Certificate codes")
struct CertificateCodeTests {
    static let url = "https://v.shpx.org.cn/"
    static let day = CredentialsFixtures.issueDay

    @Test func aRealisticCodeFitsVersion13AtLevelM() throws {
        let (folder, key) = try CredentialsFixtures.keyFolder(code: "SHPXZX")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // 3-character name, 18-character masked ID, 电子证书, a 20-character title, a 6-character issuer code.
        let title = "上海市职业技能等级证书养老护理员四级高级"
        #expect(title.count == 20)
        let payload = CredentialsFixtures.payload(code: "SHPXZX", number: "SHPXZX2026000123", name: "欧阳娜", title: title)
        #expect(payload.claims.maskedID.count == 18)
        let code = try CertificateCode.sign(payload, key: key, baseURL: "HTTPS://V.SHPX.ORG.CN")
        #expect(code.text.hasPrefix("HTTPS://V.SHPX.ORG.CN/1/"))
        #expect(code.text.allSatisfy { "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".contains($0) }, "one alphanumeric segment")
        let qr = try #require(QRCode(code.text, level: .M))
        #expect(qr.version <= 13, "\(code.text.count) characters need version \(qr.version)")
        #expect(code.text.count <= CertificateCode.maxCharacters)
        print("realistic certificate code: \(code.coseBytes.count) COSE bytes, \(code.text.count) characters, QR version \(qr.version)-M")
        // The payload hash is the SHA-256 of the COSE bytes.
        #expect(code.payloadSHA256.count == 64 && code.payloadSHA256 == CryptoText.sha256(code.coseBytes))
    }

    /// The QR of a realistic code, drawn at 4 pixels a module (0.5 mm modules scanned at 200 dpi) with a
    /// 4-module quiet zone, read back by zbar: the very text, and that text verifies as genuine.
    @Test func zbarReadsTheQRBackToAGenuineCode() throws {
        let (folder, key) = try CredentialsFixtures.keyFolder(code: "SHPXZX")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let payload = CredentialsFixtures.payload(code: "SHPXZX", number: "SHPXZX2026000123", name: "欧阳娜", title: "上海市职业技能等级证书养老护理员四级高级")
        let code = try CertificateCode.sign(payload, key: key, baseURL: "https://v.shpx.org.cn")
        let qr = try #require(QRCode(code.text, level: .M))
        let scale = 4, side = (qr.size + 8) * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        for y in 0..<qr.size { for x in 0..<qr.size where qr[x, y] {
            for dy in 0..<scale { for dx in 0..<scale { pixels[((y + 4) * scale + dy) * side + (x + 4) * scale + dx] = 0 } }
        } }
        let path = folder + "/qr.pgm"
        try Data(Array("P5\n\(side) \(side)\n255\n".utf8) + pixels).write(to: URL(fileURLWithPath: path))
        let read = try Tool.zbarimgQR(["--quiet", "--raw", "-Sbinary", path]).output.trimmingCharacters(in: .newlines)
        #expect(read == code.text)
        let trust = try TrustList.load(path: folder + "/trust.json")
        #expect(CodeVerifier(trust: trust).verify(read, now: Self.day.addingTimeInterval(60)) { _ in nil }.status == .genuine)
    }

    @Test func aCodeTooLongForVersion13IsRefusedNamingTheExcess() throws {
        let (folder, key) = try CredentialsFixtures.keyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let long = String(repeating: "职业技能", count: 20)
        do {
            _ = try CertificateCode.sign(CredentialsFixtures.payload(title: long), key: key, baseURL: Self.url)
            Issue.record("an 80-character title was signed")
        } catch let error as CertificateCodeError {
            guard case .payloadTooLong(let characters, let over) = error else { Issue.record("\(error)"); return }
            #expect(error.code == "certify.payload-too-long" && over == characters - 483 && over > 0)
            #expect(error.message(.en).contains("\(over) more than the 483") && error.message(.zh).contains("多 \(over) 个"))
        }
    }

    @Test func signingRefusesWhatACodeCannotCarry() throws {
        let (folder, key) = try CredentialsFixtures.keyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func code(_ error: () throws -> Any) -> String? {
            do { _ = try error(); return nil } catch { return (error as? CertificateCodeError)?.code }
        }
        #expect(code { try CertificateCode.sign(CredentialsFixtures.payload(), key: key, baseURL: "https://v.shpx.org.cn/查验") } == "certify.base-url")
        #expect(code { try CertificateCode.sign(CredentialsFixtures.payload(), key: key, baseURL: "https://v.shpx.org.cn/?q=1") } == "certify.base-url")
        #expect(code { try CertificateCode.sign(CredentialsFixtures.payload(code: "OTHER"), key: key, baseURL: Self.url) } == "certify.issuer-mismatch")
        #expect(code { try CertificateCode.sign(CredentialsFixtures.payload(number: ""), key: key, baseURL: Self.url) } == "certify.payload-field")
        #expect(code { try CertificateCode.sign(CredentialsFixtures.payload(number: "SHPX 1"), key: key, baseURL: Self.url) } == "certify.payload-field")
        #expect(code { try CertificateCode.sign(CredentialsFixtures.payload(name: "张\u{7}三"), key: key, baseURL: Self.url) } == "certify.payload-field")
        // Issued before the key's validity began.
        #expect(code { try CertificateCode.sign(CredentialsFixtures.payload(issuedAt: Self.day.addingTimeInterval(-3 * 86_400)), key: key, baseURL: Self.url) }
                == "certify.key-not-valid")
    }

    @Test func theCodeDecodesToWhatWasSigned() throws {
        let (folder, key) = try CredentialsFixtures.keyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var payload = CredentialsFixtures.payload(name: "买买提·艾力")
        payload.issuedAt = Self.day.addingTimeInterval(0.75)                 // signed to the whole second below
        let code = try CertificateCode.sign(payload, key: key, baseURL: Self.url)
        let decoded = try CertificateCode.decode(code.text)
        payload.issuedAt = Self.day
        #expect(decoded.payload == payload && decoded.kid == key.kid && decoded.coseBytes == code.coseBytes)
        // The bare Base32 and any address before the last /1/ decode the same.
        let base32 = String(code.text.split(separator: "/").last!)
        #expect(try CertificateCode.decode(base32).payload == payload)
        #expect(try CertificateCode.decode("https://mirror.example/x/1/" + base32).payload == payload)
        // Lower case, padding, spaces: refused.
        #expect(throws: CodeRejection.self) { try CertificateCode.decode(base32.lowercased()) }
        #expect(throws: CodeRejection.self) { try CertificateCode.decode(base32 + "=") }
        #expect(throws: CodeRejection.self) { try CertificateCode.decode(base32 + " ") }
        #expect(throws: CodeRejection.self) { try CertificateCode.decode(String(repeating: "A", count: 2_049)) }
        // JSON for scripts: ISO times, the claim names.
        let json = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
        #expect(json.contains(#""issued-at":"2026-12-04T00:00:00Z""#) && json.contains(#""masked-id":"310101********1234""#))
        #expect(try JSONDecoder().decode(CertificatePayload.self, from: Data(json.utf8)) == payload)
    }

    @Test func eachVerdictInTheVerifiersOrder() throws {
        let (folder, key) = try CredentialsFixtures.keyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let trust = try TrustList.load(path: folder + "/trust.json")
        let verifier = CodeVerifier(trust: trust)
        let later = Self.day.addingTimeInterval(86_400)
        let code = try CertificateCode.sign(CredentialsFixtures.payload(), key: key, baseURL: Self.url).text
        let none: (String) throws -> RevocationEntry? = { _ in nil }

        let genuine = verifier.verify(code, now: later, revoked: none)
        #expect(genuine.status == .genuine && genuine.reason == "verify.ok" && genuine.isGenuine)
        #expect(genuine.payload?.claims.name == "张小明" && genuine.issuer?.code == "SHPX" && genuine.kid == key.kid)

        let expired = verifier.verify(code, now: Self.day.addingTimeInterval(6 * 365 * 86_400), revoked: none)
        #expect(expired.status == .expired && expired.reason == "verify.expired" && expired.payload != nil)

        let entry = RevocationEntry(number: "SHPX2026000123", reason: "证书信息有误，已换发", at: later)
        var asked: [String] = []
        let revoked = verifier.verify(code, now: later) { number in asked.append(number); return number == entry.number ? entry : nil }
        #expect(revoked.status == .revoked && revoked.reason == "verify.revoked" && revoked.revocation == entry && asked == ["SHPX2026000123"])

        struct Unreadable: Error {}
        let unverified = verifier.verify(code, now: later) { _ in throw Unreadable() }
        #expect(unverified.status == .unverified && unverified.reason == "verify.revocation-unavailable" && !unverified.isGenuine)

        let future = verifier.verify(code, now: Self.day.addingTimeInterval(-600), revoked: none)
        #expect(future.status == .forged && future.reason == "verify.not-yet-valid")
        #expect(verifier.verify(code, now: Self.day.addingTimeInterval(-200), revoked: none).status == .genuine, "5 minutes of clock skew")

        // Another issuer's trust list: the kid is unknown.
        let (otherFolder, _) = try CredentialsFixtures.keyFolder(name: "北京市培训协会", code: "BJPX")
        defer { try? FileManager.default.removeItem(atPath: otherFolder) }
        let unknown = CodeVerifier(trust: try TrustList.load(path: otherFolder + "/trust.json")).verify(code, now: later, revoked: none)
        #expect(unknown.status == .unknownIssuer && unknown.reason == "verify.unknown-key" && unknown.payload == nil)

        // The same key published under another issuer's code: the code's iss does not match.
        var renamed = trust.issuers[0]
        renamed.code = "SHPY"
        let mismatch = CodeVerifier(trust: try TrustList(issuers: [renamed])).verify(code, now: later, revoked: none)
        #expect(mismatch.status == .forged && mismatch.reason == "verify.issuer-mismatch")

        // The trust list says the key became valid after the code's iat (back-dated).
        var late = trust.issuers[0]
        late.keys[0].notBefore = Self.day.addingTimeInterval(60)
        let backdated = CodeVerifier(trust: try TrustList(issuers: [late])).verify(code, now: later, revoked: none)
        #expect(backdated.status == .forged && backdated.reason == "verify.key-not-valid")

        #expect(verifier.verify("HTTPS://V.SHPX.ORG.CN/1/AAAA", now: later, revoked: none).reason == "verify.malformed")
    }

    @Test func rotatedKeysKeepVerifyingWhatTheySigned() throws {
        let (folder, first) = try CredentialsFixtures.keyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let old = try CertificateCode.sign(CredentialsFixtures.payload(number: "SHPX2026000001"), key: first, baseURL: Self.url).text
        let rotated = Self.day.addingTimeInterval(30 * 86_400)
        let second = try KeyGeneration.generate(issuer: "上海市培训协会", code: "SHPX", role: nil, folder: folder, validity: 10, csr: false, now: rotated)
        #expect(second.kid != first.kid)
        let current = try IssuerKey.load(folder: folder, at: rotated.addingTimeInterval(60))
        #expect(current.kid == second.kid, "the newest valid key signs")
        #expect(try IssuerKey.load(folder: folder, at: rotated.addingTimeInterval(-60)).kid == first.kid, "before the rotation the first key was the one")
        let new = try CertificateCode.sign(CredentialsFixtures.payload(number: "SHPX2026000002", issuedAt: rotated.addingTimeInterval(60)), key: current, baseURL: Self.url).text
        let trust = try TrustList.load(path: folder + "/trust.json")
        #expect(trust.issuers.count == 1 && trust.issuers[0].keys.map(\.kid) == [first.kid, second.kid])
        let verifier = CodeVerifier(trust: trust)
        for code in [old, new] { #expect(verifier.verify(code, now: rotated.addingTimeInterval(86_400)) { _ in nil }.status == .genuine) }
    }
}

/// Hex SHA-256 for comparing with `payloadSHA256`.
enum CryptoText {
    static func sha256(_ bytes: [UInt8]) -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kaowu-sha-\(UUID().uuidString)")
        try? Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return (try? Tool.run("sha256sum", [url.path]).output.split(separator: " ").first.map(String.init)) ?? ""
    }
}
