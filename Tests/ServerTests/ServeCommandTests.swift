import Foundation
import Photos
import Registry
import Testing
import TestTools

/// `kaowu serve` as a user runs it: the built binary on a free port, its page in a real browser (headless
/// Chromium at a phone's width), and a graceful stop on SIGTERM.
@Suite(.serialized) struct ServeCommandTests {
    /// Starts `kaowu serve --port 0` on the fixture's registry, with its access log in the fixture's folder.
    func startServe(_ f: ServerFixture, _ extra: [String] = []) throws -> ServeProcess {
        try ServeProcess(registry: f.folder + "/证书库.sqlite", trust: f.trustPath, ["--access-log", f.folder + "/access.log"] + extra)
    }

    /// Chromium from Debian: required under CI, else the test notes its absence and stops.
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func theBinaryServesAndStopsGracefullyOnSIGTERM() async throws {
        let f = try await ServerFixture()
        let code = try f.issue(name: "郑十一")
        let serve = try startServe(f)
        let reply = try Tool.run("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(serve.port)" + ServerFixture.path(of: code)])
        #expect(reply.output == "200")
        serve.stop()
        #expect(serve.process.terminationReason == .exit && serve.process.terminationStatus == 0)
        let rest = String(decoding: serve.output.readDataToEndOfFile(), as: UTF8.self)
        #expect(rest.contains("已停止"))
        let log = try String(contentsOfFile: f.folder + "/access.log", encoding: .utf8)
        #expect(log.contains("\"route\":\"/1/{code}\"") && !log.contains(code.components(separatedBy: "/1/")[1].prefix(16)))
        try await f.stop()
    }

    @Test func aMissingRegistryOrTrustListIsAUsageError() throws {
        let missing = try Kaowu.run(["serve", "--registry", "/nonexistent/证书库.sqlite", "--trust", "/nonexistent/trust.json", "--port", "0"])
        #expect(missing.status == 2 && missing.stderr.contains("trust.json"))
    }

    @Test func aPhoneShowsTheResult() async throws {
        guard let chromium = Self.chromium else {
            #expect(ProcessInfo.processInfo.environment["CI"] == nil, "chromium is required under CI (scripts/setup installs it)")
            return
        }
        let f = try await ServerFixture()
        let photo = PublishedPhoto.make(from: [UInt8](try Data(contentsOf: Kaowu.root.appendingPathComponent("fixtures/exif/upright-o1.jpg"))))
        let code = try f.issue(name: "张晓明", photo: photo)
        let serve = try startServe(f)
        defer { serve.stop() }
        // Headless Chromium asks for English; a phone in China asks for Chinese, as `?lang=zh` does.
        let url = "http://127.0.0.1:\(serve.port)" + ServerFixture.path(of: code) + "?lang=zh"
        let shot = f.folder + "/page.png"
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
        let screenshot = try Tool.run(chromium, common + ["--user-data-dir=" + f.folder + "/chromium-1","--window-size=390,1100", "--screenshot=" + shot, url])
        #expect(screenshot.status == 0, "\(screenshot.output)")
        let png = [UInt8](try Data(contentsOf: URL(fileURLWithPath: shot)))
        #expect(png.count > 20_000 && png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 390)
        let dom = try Tool.run(chromium, common + ["--user-data-dir=" + f.folder + "/chromium-2", "--dump-dom", url])
        #expect(dom.output.contains("真实有效") && dom.output.contains("张晓明") && dom.output.contains("示范职业技能等级认定中心"))
        if let docs = ProcessInfo.processInfo.environment["KAOWU_WRITE_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: docs)
            try FileManager.default.copyItem(atPath: shot, toPath: docs)
        }
        try await f.stop()
    }
}
