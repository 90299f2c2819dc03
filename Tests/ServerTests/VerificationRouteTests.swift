import Credentials
import Foundation
import Registry
import Testing
import VerifyServer

/// The page a phone opens and the JSON API, over real HTTP, for every kind of code a verifier may scan.
@Suite struct VerificationRouteTests {
    static let securityHeaders = ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"]

    func expectSecure(_ reply: ServerFixture.Reply, _ route: String) {
        for name in Self.securityHeaders { #expect(reply.headers.first(name: name) != nil, "\(route): \(name)") }
        #expect(reply.headers.first(name: "X-Frame-Options") == "DENY")
        #expect(reply.headers.first(name: "X-Content-Type-Options") == "nosniff")
        #expect(reply.headers.first(name: "Content-Security-Policy")?.contains("default-src 'none'") == true, "\(route)")
    }

    func status(_ reply: ServerFixture.Reply) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(reply.bytes)) as? [String: Any])?["status"] as? String
    }

    @Test(arguments: Backend.available) func genuineExpiredRevokedForgedAndUnknown(_ backend: Backend) async throws {
        let f = try await ServerFixture(backend: backend)
        let genuine = try f.issue(name: "李四", id: "11010519491231002X")
        let expired = try f.issue(name: "王五", issuedAt: Date().addingTimeInterval(-300 * 86400), expires: Date().addingTimeInterval(-86400))
        let revoked = try f.issue(name: "赵六")
        let stranger = try KeyGeneration.generate(issuer: "别的机构", code: "QTJG", role: nil, folder: f.folder + "/other", validity: 5, csr: false,
                                                  now: Date().addingTimeInterval(-86400))
        let unknown = try f.issue(name: "钱七", signer: stranger)
        let unrecorded = try f.issue(name: "孙八", record: false)
        try await f.start()
        defer { Task { try await f.stop() } }

        let page = try await f.get(ServerFixture.path(of: genuine))
        #expect(page.status == 200)
        #expect(page.headers.first(name: "Content-Type")?.hasPrefix("text/html") == true)
        #expect(page.body.contains("真实有效") && page.body.contains("李四") && page.body.contains("110105********002X"))
        #expect(!page.body.contains("11010519491231002X"), "the whole ID number is never shown")
        #expect(page.body.contains("示范职业技能等级认定中心") && page.body.contains("电工/四级") && page.body.contains("SHA-256 " + String(repeating: "cd", count: 32)))
        #expect(!page.body.contains("<script"), "no JavaScript")
        #expect(!page.body.contains("http://") && !page.body.contains("https://"), "no external assets")
        expectSecure(page, "page")
        let json = try await f.get("/api/v1/verify/" + genuine.components(separatedBy: "/1/")[1])
        #expect(json.status == 200 && status(json) == "genuine")
        #expect(json.headers.first(name: "Content-Type")?.hasPrefix("application/json") == true)
        #expect(json.headers.first(name: "Cache-Control") == "no-store")
        expectSecure(json, "json")

        let old = try await f.get(ServerFixture.path(of: expired))
        #expect(old.status == 200 && old.body.contains("已过期") && old.body.contains("王五"))

        let before = try await f.get(ServerFixture.path(of: revoked))
        #expect(before.body.contains("真实有效"))
        let number = try #require(try CertificateCode.decode(revoked).payload.number as String?)
        _ = try f.registry.revoke(number: number, reason: "证书信息有误，已换发", at: Date())
        let after = try await f.get(ServerFixture.path(of: revoked))
        #expect(after.body.contains("已撤销") && after.body.contains("证书信息有误，已换发"), "\(after.body)")
        #expect(!after.body.contains("真实有效"))
        #expect(status(try await f.get("/api/v1/verify/" + revoked.components(separatedBy: "/1/")[1])) == "revoked")

        // One character of the signed code changed: forged, and none of its claims are shown as facts.
        var characters = Array(ServerFixture.path(of: genuine))
        let k = characters.count - 20
        characters[k] = characters[k] == "A" ? "B" : "A"
        let tampered = try await f.get(String(characters))
        #expect(tampered.status == 200 && tampered.body.contains("无法验证-伪造"))
        #expect(!tampered.body.contains("李四"))

        let foreign = try await f.get(ServerFixture.path(of: unknown))
        #expect(foreign.body.contains("无法验证") && !foreign.body.contains("钱七"))
        #expect(status(try await f.get("/api/v1/verify/" + unknown.components(separatedBy: "/1/")[1])) == "unknown-issuer")

        // Signed by the issuer's key but never recorded in its registry: not issued.
        let never = try await f.get("/api/v1/verify/" + unrecorded.components(separatedBy: "/1/")[1])
        #expect(status(never) == "forged")
        #expect(never.body.contains("verify.not-issued"))
    }

    @Test func malformedCodesGetTheForgedPageNeverAnError() async throws {
        let f = try await ServerFixture()
        try await f.start()
        defer { Task { try await f.stop() } }
        var random = SystemRandomNumberGenerator()
        let noise = Base32.encode((0..<120).map { _ in UInt8.random(in: 0...255, using: &random) })
        for code in [String(repeating: "A", count: 5000), "abc-def", "ZZZZ8888", noise, "..%2F..%2Fetc%2Fpasswd", "A"] {
            let page = try await f.get("/1/" + code)
            #expect(page.status == 200 && page.body.contains("无法验证-伪造"), "\(code.prefix(20)) \(page.status) \(page.body.prefix(300))")
            expectSecure(page, "malformed")
            let json = try await f.get("/api/v1/verify/" + code)
            #expect(status(json) == "forged", "\(code.prefix(20))")
        }
    }

    @Test func aHostileNameIsShownAsText() async throws {
        let f = try await ServerFixture()
        let code = try f.issue(name: "<script>alert(1)</script>\"'&")
        try await f.start()
        defer { Task { try await f.stop() } }
        let page = try await f.get(ServerFixture.path(of: code))
        #expect(page.body.contains("真实有效"))
        #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"), "\(page.body)")
        #expect(!page.body.contains("<script"))
    }

    @Test func englishByAcceptLanguageOrQuery() async throws {
        let f = try await ServerFixture()
        let code = try f.issue()
        try await f.start()
        defer { Task { try await f.stop() } }
        let path = ServerFixture.path(of: code)
        #expect(try await f.get(path, headers: [("Accept-Language", "en-US,en;q=0.9,zh-CN;q=0.8")]).body.contains(">Genuine<"))
        #expect(try await f.get(path + "?lang=en").body.contains("Valid until"))
        #expect(try await f.get(path, headers: [("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")]).body.contains("真实有效"))
        #expect(try await f.get(path + "?lang=zh", headers: [("Accept-Language", "en")]).body.contains("真实有效"))
    }

    @Test func theHolderPhotoIsShownOnlyWhenTheIssuerChoseTo() async throws {
        let f = try await ServerFixture()
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xD9]
        let shown = try f.issue(name: "有照片", photo: jpeg)
        let hidden = try f.issue(name: "无照片")
        try await f.start()
        defer { Task { try await f.stop() } }
        let withPhoto = try await f.get(ServerFixture.path(of: shown))
        #expect(withPhoto.body.contains("src=\"data:image/jpeg;base64," + Data(jpeg).base64EncodedString() + "\""))
        #expect(!(try await f.get(ServerFixture.path(of: hidden))).body.contains("<img"))
    }
}
