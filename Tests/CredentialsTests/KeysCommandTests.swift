import Credentials
import Crypto
import Foundation
import Testing
import TestTools
import X509

/// `kaowu keys generate | install-cert | list`, run as a user runs them: the files and their modes, the
/// private key in no output and no public file, an unsafe key file refused with exit 2, rotation, and a
/// CA's certificate installed.
@Suite("kaowu keys")
struct KeysCommandTests {
    static func mode(_ path: String) -> mode_t {
        var info = stat()
        stat(path, &info)
        return info.st_mode & 0o777
    }

    static func keyFile(_ folder: String) throws -> String {
        let name = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().first { $0.hasSuffix(".key.pem") }
        return folder + "/" + (try #require(name))
    }

    @Test func generateWritesAPrivateKeyThatNoOutputShows() throws {
        let scratch = try Tool.scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let run = try Kaowu.run(["keys", "generate", "--issuer", "上海市培训协会", "--code", "SHPX", "--csr", "--verify-url", "https://v.shpx.org.cn", "--out", "keys"], in: scratch)
        #expect(run.status == 0, "\(run.stderr)")
        let folder = scratch + "/keys"
        let keyPath = try Self.keyFile(folder)
        let kid = String((keyPath as NSString).lastPathComponent.dropFirst("SHPX-".count).prefix(16))
        #expect(run.stdout.contains("密钥编号（kid）：\(kid)") && run.stdout.contains("有效期：") && run.stdout.contains("至"))
        for file in ["SHPX-\(kid).key.pem", "SHPX-\(kid).cert.pem", "SHPX-\(kid).csr.pem", "trust.json"] { #expect(run.stdout.contains("keys/" + file)) }
        #expect(Self.mode(keyPath) == 0o600 && Self.mode(folder) == 0o700)
        #expect(try Tool.run("stat", ["-c", "%a", keyPath]).output.trimmingCharacters(in: .whitespacesAndNewlines) == "600")

        let list = try Kaowu.run(["keys", "list", "keys"], in: scratch)
        let listEnglish = try Kaowu.run(["--lang", "en", "keys", "list", "keys"], in: scratch)
        #expect(list.status == 0 && list.stdout.contains("kid \(kid)") && list.stdout.contains("当前签名密钥") && list.stdout.contains("查验网址：https://v.shpx.org.cn"))
        #expect(listEnglish.status == 0 && listEnglish.stdout.contains("signs now") && listEnglish.stdout.contains("the current signing key is usable: \(kid)"))

        // The private key: its PEM body, its DER, its raw scalar in hex and base64 — in no output and no public file.
        let pem = try String(contentsOfFile: keyPath, encoding: .utf8)
        let key = try P256.Signing.PrivateKey(pemRepresentation: pem)
        // The PEM's first two lines hold the private scalar; the last one holds only the public point (as trust.json does).
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.prefix(2)
        let raw = key.rawRepresentation
        let secrets = body.map(String.init) + [raw.base64EncodedString(), raw.map { String(format: "%02x", $0) }.joined(), raw.map { String(format: "%02X", $0) }.joined(),
                                              key.derRepresentation.base64EncodedString()]
        var published = [run.stdout, run.stderr, list.stdout, list.stderr, listEnglish.stdout, listEnglish.stderr]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where !file.hasSuffix(".key.pem") {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
            published.append(String(decoding: data, as: UTF8.self))
            #expect(data.range(of: raw) == nil, "\(file) holds the raw private key")
        }
        for text in published {
            for secret in secrets { #expect(!text.contains(secret), "the private key appears in output or a public file: \(secret)") }
            #expect(!text.contains("PRIVATE KEY"))
        }
        // trust.json holds the public key instead.
        let trust = try String(contentsOfFile: folder + "/trust.json", encoding: .utf8)
        #expect(trust.contains(key.publicKey.derRepresentation.base64EncodedString()) && trust.contains(#""verify-url" : "https://v.shpx.org.cn""#))
    }

    @Test func aKeyOthersCanReadIsRefusedWithExit2() throws {
        let scratch = try Tool.scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        #expect(try Kaowu.run(["keys", "generate", "--issuer", "上海市培训协会", "--code", "SHPX", "--out", "keys"], in: scratch).status == 0)
        let keyPath = try Self.keyFile(scratch + "/keys")
        let relative = "keys/" + (keyPath as NSString).lastPathComponent
        chmod(keyPath, 0o644)
        let zh = try Kaowu.run(["keys", "list", "keys"], in: scratch)
        #expect(zh.status == 2 && zh.stderr.contains("私钥文件 \(relative) 的权限是 644") && zh.stderr.contains("chmod 600 \(relative)"), "\(zh)")
        #expect(zh.stdout.contains("不安全"))
        let en = try Kaowu.run(["keys", "list", "keys", "--lang", "en"], in: scratch)
        #expect(en.status == 2 && en.stderr.contains("has mode 644") && en.stderr.contains("run chmod 600 \(relative)"))
        #expect(!en.stderr.unicodeScalars.contains { "，。：；（）“”、".unicodeScalars.contains($0) })
        chmod(keyPath, 0o600)
        #expect(try Kaowu.run(["keys", "list", "keys"], in: scratch).status == 0)
        // A published trust.json alone is listed without any key being loaded.
        try FileManager.default.createDirectory(atPath: scratch + "/published", withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: scratch + "/keys/trust.json", toPath: scratch + "/published/trust.json")
        let published = try Kaowu.run(["keys", "list", "published/trust.json"], in: scratch)
        #expect(published.status == 0 && published.stdout.contains("不在此文件夹") && !published.stdout.contains("当前签名密钥可用"))
    }

    @Test func usageErrorsAndForeignFoldersExit2() throws {
        let scratch = try Tool.scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let badCode = try Kaowu.run(["keys", "generate", "--issuer", "上海市培训协会", "--code", "shpx", "--out", "keys"], in: scratch)
        #expect(badCode.status == 2 && badCode.stderr.contains("发证机构代码“shpx”无效"))
        #expect(try Kaowu.run(["keys", "generate", "--issuer", "上海", "--code", "SHPX", "--years", "0", "--out", "keys"], in: scratch).status == 2)
        #expect(try Kaowu.run(["keys"], in: scratch).status == 2)
        #expect(try Kaowu.run(["keys", "list", "nowhere"], in: scratch).status == 2)
        #expect(!FileManager.default.fileExists(atPath: scratch + "/keys"))
        #expect(try Kaowu.run(["keys", "generate", "--issuer", "上海市培训协会", "--code", "SHPX", "--out", "keys"], in: scratch).status == 0)
        let other = try Kaowu.run(["keys", "generate", "--issuer", "北京市培训协会", "--code", "BJPX", "--out", "keys", "--lang", "en"], in: scratch)
        #expect(other.status == 2 && other.stderr.contains("holds the keys of another issuer (上海市培训协会, SHPX)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch + "/keys").count == 3)
    }

    @Test func rotationAndACAsCertificate() throws {
        let scratch = try Tool.scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let args = ["keys", "generate", "--issuer", "上海市培训协会", "--code", "SHPX", "--out", "keys", "--csr", "--lang", "en"]
        #expect(try Kaowu.run(args, in: scratch).status == 0)
        let second = try Kaowu.run(args, in: scratch)
        #expect(second.status == 0 && second.stdout.contains("(2 keys; publish it to verifiers)"))
        let trust = try TrustList.load(path: scratch + "/keys/trust.json")
        #expect(trust.issuers[0].keys.count == 2)
        let newest = try IssuerKey.load(folder: scratch + "/keys")
        #expect(newest.kid == trust.issuers[0].keys[1].kid || newest.kid == trust.issuers[0].keys[0].kid)
        // A CA signs the first key's request.
        let first = trust.issuers[0].keys[0].kid
        let csr = try CertificateSigningRequest(pemEncoded: try String(contentsOfFile: scratch + "/keys/SHPX-\(first.hex).csr.pem", encoding: .utf8))
        let caKey = P256.Signing.PrivateKey()
        let ca = try DistinguishedName { CommonName("Example Document CA") }
        let now = Date()
        let certificate = try Certificate(version: .v3, serialNumber: .init(), publicKey: csr.publicKey, notValidBefore: now.addingTimeInterval(-60),
                                          notValidAfter: now.addingTimeInterval(3 * 365 * 86_400), issuer: ca, subject: csr.subject,
                                          signatureAlgorithm: .ecdsaWithSHA256, extensions: .init(), issuerPrivateKey: .init(caKey))
        try Data(try certificate.serializeAsPEM().pemString.utf8).write(to: URL(fileURLWithPath: scratch + "/issued.pem"))
        let install = try Kaowu.run(["keys", "install-cert", "issued.pem", "--out", "keys"], in: scratch)
        #expect(install.status == 0 && install.stdout.contains("已为密钥 \(first.hex) 安装证书") && install.stdout.contains("Example Document CA"), "\(install)")
        let list = try Kaowu.run(["keys", "list", "keys"], in: scratch)
        #expect(list.stdout.contains("证书：CA 签发：CN=Example Document CA") && list.stdout.contains("证书：自签名"))
        // Installing a certificate for no key of the folder: exit 2, nothing changed.
        let before = try Data(contentsOf: URL(fileURLWithPath: scratch + "/keys/trust.json"))
        let stranger = try Certificate(version: .v3, serialNumber: .init(), publicKey: .init(P256.Signing.PrivateKey().publicKey), notValidBefore: now,
                                       notValidAfter: now.addingTimeInterval(86_400), issuer: ca, subject: ca, signatureAlgorithm: .ecdsaWithSHA256,
                                       extensions: .init(), issuerPrivateKey: .init(caKey))
        try Data(try stranger.serializeAsPEM().pemString.utf8).write(to: URL(fileURLWithPath: scratch + "/stranger.pem"))
        let refused = try Kaowu.run(["keys", "install-cert", "stranger.pem", "--out", "keys"], in: scratch)
        #expect(refused.status == 2 && refused.stderr.contains("不匹配"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch + "/keys/trust.json")) == before)
    }
}
