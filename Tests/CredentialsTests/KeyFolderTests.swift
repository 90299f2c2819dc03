import Crypto
import Credentials
import Foundation
import Support
import Testing
import TestTools
import X509

/// Key folders: what `KeyGeneration` writes (modes, names, trust.json), what loading refuses, a
/// CA-issued certificate installed, and trust lists checked and merged.
@Suite("Key folders")
struct KeyFolderTests {
    static func mode(_ path: String) -> mode_t {
        var info = stat()
        stat(path, &info)
        return info.st_mode & 0o777
    }

    @Test func generationWritesTheKeyPrivateAndTheRestPublic() throws {
        let folder = try Tool.scratch() + "/keys"
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        let key = try KeyGeneration.generate(issuer: " 上海市培训协会 ", code: "SHPX", role: nil, folder: folder, validity: 10, csr: true, now: CredentialsFixtures.issueDay)
        let stem = folder + "/SHPX-" + key.kid.hex
        #expect(Self.mode(folder) == 0o700)
        #expect(Self.mode(stem + ".key.pem") == 0o600)
        #expect(Self.mode(stem + ".cert.pem") == 0o644 && Self.mode(stem + ".csr.pem") == 0o644 && Self.mode(folder + "/trust.json") == 0o644)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["SHPX-\(key.kid.hex).cert.pem", "SHPX-\(key.kid.hex).csr.pem", "SHPX-\(key.kid.hex).key.pem", "trust.json"])
        // PKCS#8, as openssl reads it.
        let pem = try String(contentsOfFile: stem + ".key.pem", encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        #expect(try Tool.run("openssl", ["pkey", "-in", stem + ".key.pem", "-noout", "-check"]).output.contains("valid"))
        // The kid is the first 8 bytes of SHA-256 of the SubjectPublicKeyInfo, as openssl computes it.
        let spki = try Tool.run("sh", ["-c", "openssl pkey -in '\(stem).key.pem' -pubout -outform DER | sha256sum"]).output
        #expect(spki.hasPrefix(key.kid.hex))
        // The certificate: subject, usage, validity = the key's; the CSR verifies.
        let text = try Tool.run("openssl", ["x509", "-in", stem + ".cert.pem", "-noout", "-text", "-nameopt", "utf8"]).output
        #expect(text.contains("Subject: CN=上海市培训协会, O=上海市培训协会") && text.contains("Digital Signature, Non Repudiation"))
        #expect(text.contains("1.3.6.1.5.5.7.3.36") && text.contains("E-mail Protection") && text.contains("CA:FALSE") && text.contains("Subject Key Identifier"))
        #expect(text.contains("Not Before: Dec  4 00:00:00 2026 GMT") && text.contains("Not After : Dec  4 00:00:00 2036 GMT"))
        #expect(try Tool.run("openssl", ["req", "-in", stem + ".csr.pem", "-noout", "-verify"]).status == 0)
        // trust.json as the contract writes it.
        let trust = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/trust.json"))) as? [String: Any])
        let issuer = try #require((trust["issuers"] as? [[String: Any]])?.first)
        #expect(trust["version"] as? Int == 1 && issuer["name"] as? String == "上海市培训协会" && issuer["code"] as? String == "SHPX")
        #expect(issuer["role"] is NSNull && issuer["verify-url"] == nil)
        let entry = try #require((issuer["keys"] as? [[String: String]])?.first)
        #expect(entry["kid"] == key.kid.hex && entry["alg"] == "ES256")
        #expect(entry["not-before"] == "2026-12-04T00:00:00Z" && entry["not-after"] == "2036-12-04T00:00:00Z")
        #expect(Data(base64Encoded: entry["public-key"]!) == key.privateKey.publicKey.derRepresentation)
        #expect(Data(base64Encoded: entry["certificate"]!).map { Array($0) } == Array(try Data(contentsOf: URL(fileURLWithPath: stem + ".cert.pem"))).pemDER)
        // Loading gives back the same key.
        let loaded = try IssuerKey.load(folder: folder, at: CredentialsFixtures.issueDay)
        #expect(loaded.kid == key.kid && loaded.privateKey.rawRepresentation == key.privateKey.rawRepresentation && loaded.issuerName == "上海市培训协会")
    }

    @Test func theKeyNeverDescribesItsSecret() throws {
        let (folder, key) = try CredentialsFixtures.keyFolder(role: "评价组织")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let secretHex = key.privateKey.rawRepresentation.map { String(format: "%02x", $0) }.joined()
        let secretBase64 = key.privateKey.rawRepresentation.base64EncodedString()
        let pemBody = try String(contentsOfFile: folder + "/SHPX-\(key.kid.hex).key.pem", encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        var dumped = ""
        dump(key, to: &dumped)
        for shown in ["\(key)", String(describing: key), String(reflecting: key), dumped, "\([key])"] {
            #expect(shown.contains(key.kid.hex) && shown.contains("SHPX"))
            #expect(!shown.contains(secretHex) && !shown.contains(secretBase64) && !shown.contains(String(pemBody.prefix(40))), "\(shown)")
            #expect(!shown.lowercased().contains("privatekey") && !shown.contains("secret"), "\(shown)")
        }
    }

    @Test func loadingRefusesUnsafeOrForeignKeyFiles() throws {
        let (folder, key) = try CredentialsFixtures.keyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/SHPX-\(key.kid.hex).key.pem"
        for mode: mode_t in [0o644, 0o640, 0o604, 0o660] {
            chmod(file, mode)
            #expect(throws: KeyFileError.readableByOthers(file: file, mode: String(mode, radix: 8))) { try IssuerKey.load(folder: folder, at: CredentialsFixtures.issueDay) }
        }
        chmod(file, 0o600)
        let error = KeyFileError.readableByOthers(file: file, mode: "644")
        #expect(error.message(.zh).contains("chmod 600 \(file)") && error.message(.en).contains("run chmod 600 \(file)"))
        #expect(try IssuerKey.load(folder: folder, at: CredentialsFixtures.issueDay).kid == key.kid)
        // A link in place of the key file is not followed.
        let moved = folder + "/elsewhere.pem"
        try FileManager.default.moveItem(atPath: file, toPath: moved)
        try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: moved)
        #expect(throws: KeyFileError.notRegularFile(file: file)) { try IssuerKey.load(folder: folder, at: CredentialsFixtures.issueDay) }
        try FileManager.default.removeItem(atPath: file)
        // Another key under this kid's name: refused as not the published key.
        try SecureWrite.file(file, P256.Signing.PrivateKey().pemRepresentation)
        #expect(throws: KeyFileError.keyMismatch(file: file, kid: key.kid.hex)) { try IssuerKey.load(folder: folder, at: CredentialsFixtures.issueDay) }
        try FileManager.default.removeItem(atPath: file)
        try SecureWrite.file(file, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
        #expect(throws: KeyFileError.invalidKey(file: file)) { try IssuerKey.load(folder: folder, at: CredentialsFixtures.issueDay) }
        // No key valid at the date; not a key folder.
        #expect(throws: KeyFileError.noValidKey(folder: folder, date: "2040-01-01T00:00:00Z")) {
            try IssuerKey.load(folder: folder, at: Date(timeIntervalSince1970: 2_208_988_800))
        }
        #expect(throws: KeyFileError.notKeyFolder(folder: "/tmp")) { try IssuerKey.load(folder: "/tmp") }
        // Someone else's key file (the tests run as root here, so the file can be given away).
        try FileManager.default.removeItem(atPath: file)
        try SecureWrite.file(file, "x")
        if geteuid() == 0 {
            #expect(chown(file, 65_534, 65_534) == 0)
            #expect(throws: KeyFileError.notOwned(file: file)) { try IssuerKey.load(folder: folder, at: CredentialsFixtures.issueDay) }
        }
        // A trust.json of two issuers is no key folder.
        let (other, _) = try CredentialsFixtures.keyFolder(name: "北京市培训协会", code: "BJPX")
        defer { try? FileManager.default.removeItem(atPath: other) }
        var both = try TrustList.load(path: folder + "/trust.json")
        both.merge(try TrustList.load(path: other + "/trust.json"))
        try both.json().write(to: URL(fileURLWithPath: other + "/trust.json"))
        #expect(throws: KeyFileError.severalIssuers(folder: other, codes: ["SHPX", "BJPX"])) { try IssuerKey.load(folder: other, at: CredentialsFixtures.issueDay) }
    }

    @Test func generationRefusesBadInputAndOthersFiles() throws {
        let (folder, _) = try CredentialsFixtures.keyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func refused(_ make: () throws -> Any) -> String? {
            do { _ = try make(); return nil } catch { return (error as? Diagnostic)?.code }
        }
        let now = CredentialsFixtures.issueDay
        for code in ["shpx", "S", "SHPX-1", "上海", String(repeating: "A", count: 17), ""] {
            #expect(refused { try KeyGeneration.generate(issuer: "上海市培训协会", code: code, role: nil, folder: folder + "x", validity: 10, csr: false, now: now) } == "keys.invalid-code")
        }
        #expect(refused { try KeyGeneration.generate(issuer: "  ", code: "SHPX", role: nil, folder: folder + "x", validity: 10, csr: false, now: now) } == "keys.empty-name")
        #expect(refused { try KeyGeneration.generate(issuer: "上海", code: "SHPX", role: nil, folder: folder + "x", validity: 0, csr: false, now: now) } == "keys.invalid-years")
        // Another issuer, or the same code under another name or role, into this folder.
        #expect(refused { try KeyGeneration.generate(issuer: "北京市培训协会", code: "BJPX", role: nil, folder: folder, validity: 10, csr: false, now: now) } == "keys.other-issuer")
        #expect(refused { try KeyGeneration.generate(issuer: "上海市培训协会", code: "SHPX", role: "评价组织", folder: folder, validity: 10, csr: false, now: now) } == "keys.other-issuer")
        // A trust.json kaowu did not write; a file where the folder should be.
        let foreign = try Tool.scratch()
        defer { try? FileManager.default.removeItem(atPath: foreign) }
        try Data("{\"hello\": 1}".utf8).write(to: URL(fileURLWithPath: foreign + "/trust.json"))
        #expect(refused { try KeyGeneration.generate(issuer: "上海", code: "SHPX", role: nil, folder: foreign, validity: 10, csr: false, now: now) } == "trust.invalid")
        #expect(try String(contentsOfFile: foreign + "/trust.json", encoding: .utf8) == "{\"hello\": 1}")
        #expect(refused { try KeyGeneration.generate(issuer: "上海", code: "SHPX", role: nil, folder: foreign + "/trust.json", validity: 10, csr: false, now: now) } == "keys.file-in-the-way")
        #expect(try FileManager.default.contentsOfDirectory(atPath: foreign) == ["trust.json"])
    }

    @Test func aCAIssuedCertificateIsInstalledForItsKey() throws {
        let folder = try Tool.scratch() + "/keys"
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        let now = CredentialsFixtures.issueDay
        let key = try KeyGeneration.generate(issuer: "上海市培训协会", code: "SHPX", role: nil, folder: folder, validity: 10, csr: true, now: now)
        let stem = folder + "/SHPX-\(key.kid.hex)"
        // A CA signs the CSR (its public key and subject) for two years.
        let csr = try CertificateSigningRequest(pemEncoded: try String(contentsOfFile: stem + ".csr.pem", encoding: .utf8))
        #expect(csr.publicKey.isValidSignature(csr.signature, for: csr))
        let caKey = P256.Signing.PrivateKey()
        let caName = try DistinguishedName { CommonName("测试 CA"); OrganizationName("Test CA") }
        let issued = try Certificate(version: .v3, serialNumber: .init(), publicKey: csr.publicKey, notValidBefore: now.addingTimeInterval(86_400), notValidAfter: now.addingTimeInterval(2 * 365 * 86_400),
                                     issuer: caName, subject: csr.subject, signatureAlgorithm: .ecdsaWithSHA256,
                                     extensions: try Certificate.Extensions { Critical(KeyUsage(digitalSignature: true, nonRepudiation: true)) },
                                     issuerPrivateKey: .init(caKey))
        let pemPath = folder + "/../from-ca.pem"
        try Data((try issued.serializeAsPEM().pemString + "\n").utf8).write(to: URL(fileURLWithPath: pemPath))
        let installed = try CertificateInstallation.install(certificate: pemPath, folder: folder, now: now)
        #expect(installed.kid == key.kid && installed.certificateAuthority?.contains("测试 CA") == true)
        #expect(installed.notAfter == now.addingTimeInterval(2 * 365 * 86_400))
        #expect(installed.notBefore == now, "the key's validity still begins when the key was made: what it signed the day before the CA's certificate keeps verifying")
        let trust = try TrustList.load(path: folder + "/trust.json")
        #expect(trust.key(for: key.kid)?.key == installed)
        #expect(try Certificate(pemEncoded: try String(contentsOfFile: stem + ".cert.pem", encoding: .utf8)) == issued)
        #expect(try IssuerKey.load(folder: folder, at: now).certificate == issued)
        // A certificate for another key is refused, and nothing changes.
        let other = try Certificate(version: .v3, serialNumber: .init(), publicKey: .init(P256.Signing.PrivateKey().publicKey), notValidBefore: now,
                                    notValidAfter: now.addingTimeInterval(86_400 * 365), issuer: caName, subject: caName, signatureAlgorithm: .ecdsaWithSHA256,
                                    extensions: .init(), issuerPrivateKey: .init(caKey))
        try Data(try other.serializeAsPEM().pemString.utf8).write(to: URL(fileURLWithPath: pemPath))
        #expect(throws: KeyFileError.certificateForNoKey(file: pemPath, folder: folder)) { try CertificateInstallation.install(certificate: pemPath, folder: folder, now: now) }
        // An expired certificate for the key.
        let expired = try Certificate(version: .v3, serialNumber: .init(), publicKey: csr.publicKey, notValidBefore: now.addingTimeInterval(-86_400 * 30),
                                      notValidAfter: now.addingTimeInterval(-86_400), issuer: caName, subject: csr.subject, signatureAlgorithm: .ecdsaWithSHA256,
                                      extensions: .init(), issuerPrivateKey: .init(caKey))
        try Data(try expired.serializeAsPEM().pemString.utf8).write(to: URL(fileURLWithPath: pemPath))
        #expect(throws: KeyFileError.self) { try CertificateInstallation.install(certificate: pemPath, folder: folder, now: now) }
        do { _ = try CertificateInstallation.install(certificate: pemPath, folder: folder, now: now) } catch let error as KeyFileError {
            #expect(error.code == "keys.certificate-unusable" && error.message(.en).contains("it expired at"))
        }
        try Data("not a certificate".utf8).write(to: URL(fileURLWithPath: pemPath))
        #expect(throws: KeyFileError.invalidCertificate(file: pemPath)) { try CertificateInstallation.install(certificate: pemPath, folder: folder, now: now) }
        #expect(try TrustList.load(path: folder + "/trust.json") == trust)
    }

    @Test func trustListsAreCheckedAndMerged() throws {
        let (a, keyA) = try CredentialsFixtures.keyFolder()
        let (b, keyB) = try CredentialsFixtures.keyFolder(name: "某某职业培训学校", code: "MMPX", role: "培训机构")
        defer { for f in [a, b] { try? FileManager.default.removeItem(atPath: f) } }
        var list = try TrustList.load(path: a + "/trust.json")
        let other = try TrustList.load(path: b + "/trust.json")
        list.merge(other)
        list.merge(other)                                          // merging twice adds nothing more
        #expect(list.issuers.map(\.code) == ["SHPX", "MMPX"] && list.issuers.map(\.keys.count) == [1, 1])
        #expect(list.key(for: keyB.kid)?.issuer.role == "培训机构" && list.key(for: keyA.kid)?.issuer.code == "SHPX")
        // A kid already known is never moved to another issuer by a merge.
        var hijack = other.issuers[0]
        hijack.keys = list.issuers[0].keys
        hijack.code = "EVIL"
        list.merge(try TrustList(issuers: [hijack]))
        #expect(list.key(for: keyA.kid)?.issuer.code == "SHPX" && list.issuer(code: "EVIL") == nil)
        // The merged list writes and reads back the same.
        #expect(try TrustList.parse(try list.json(), file: "merged") == list)

        // Checks on reading: each names the entry.
        let good = try String(contentsOfFile: a + "/trust.json", encoding: .utf8)
        func problem(_ text: String) -> String? {
            do { _ = try TrustList.parse(Data(text.utf8), file: "t.json"); return nil } catch let error as TrustListError {
                return error.code + " " + (error.facts.value ?? "")
            } catch { return "\(error)" }
        }
        #expect(problem(good) == nil)
        #expect(problem(good.replacingOccurrences(of: "\"ES256\"", with: "\"none\""))?.contains("issuers[0].keys[0].alg") == true)
        #expect(problem(good.replacingOccurrences(of: keyA.kid.hex, with: keyB.kid.hex))?.contains("the kid is not the one of public-key") == true)
        #expect(problem(good.replacingOccurrences(of: "\"SHPX\"", with: "\"shpx\""))?.contains("issuers[0].code") == true)
        #expect(problem(good.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 2")) == "trust.newer-version 2")
        #expect(problem("[]")?.hasPrefix("trust.invalid") == true)
        let certificate = try #require(try TrustList.load(path: b + "/trust.json").issuers[0].keys.first?.certificate)
        let swapped = good.replacingOccurrences(of: Data(list.issuers[0].keys[0].certificate).base64EncodedString(), with: Data(certificate).base64EncodedString())
        #expect(problem(swapped)?.contains("the certificate is for another public key") == true)
    }
}

/// A file written with mode 0600 for tests that plant key files.
enum SecureWrite {
    static func file(_ path: String, _ text: String) throws {
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]))
    }
}

extension Array where Element == UInt8 {
    /// The DER inside a PEM text.
    var pemDER: [UInt8]? {
        let text = String(decoding: self, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        return Data(base64Encoded: text).map { Array($0) }
    }
}
