import Foundation
import Testing
import TestTools

/// What the issue promises, end to end with the real parts: a certificate issued by `kaowu certify`, its QR
/// code read by zbarimg from the PDF rendered at 150 dpi, the decoded address's path asked of `kaowu serve`:
/// genuine; after `kaowu revoke`: revoked — on SQLite, and on two replicas sharing one PostgreSQL registry.
@Suite(.serialized) struct IssuedCertificateServiceTests {
    /// A demo training-certificate batch issued in a scratch folder.
    struct Issued {
        var folder: String
        var registry: String
        var trust: String
        var pdf: String
    }

    static func issue() throws -> Issued {
        let folder = try Tool.scratch()
        let job = folder + "/a/b"
        try FileManager.default.createDirectory(atPath: job, withIntermediateDirectories: true)
        for name in ["培训证书.yaml", "学员名单.xlsx", "学员照片.zip", "机构签章.png"] {
            try FileManager.default.copyItem(atPath: Kaowu.root.appendingPathComponent("fixtures/demo/" + name).path, toPath: job + "/" + name)
        }
        let keys = try Kaowu.run(["keys", "generate", "--issuer", "上海市培训协会", "--code", "SHPX", "--verify-url", "https://v.shpx.org.cn",
                                  "--out", "../../out/证书密钥"], in: job)
        #expect(keys.status == 0, "\(keys.stderr)")
        let certify = try Kaowu.run(["certify", "培训证书.yaml"], in: job)
        #expect(certify.status == 0, "\(certify.stderr)")
        return Issued(folder: folder, registry: folder + "/out/证书库.sqlite", trust: folder + "/out/证书密钥/trust.json",
                      pdf: folder + "/out/2026培训师证书/证书/SHPX2026000001.pdf")
    }

    /// The path of the QR code printed on the PDF's first page, as a phone camera reads it.
    static func scannedPath(_ pdf: String, scratch: String) throws -> String {
        let png = scratch + "/scan"
        #expect(try Tool.run("pdftoppm", ["-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", pdf, png]).status == 0)
        let text = try Tool.zbarimgQR(["--raw", "-q", png + ".png"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(text.hasPrefix("HTTPS://V.SHPX.ORG.CN/1/"), "\(text)")
        return "/1/" + (text.components(separatedBy: "/1/").last ?? "")
    }

    /// A running `kaowu serve`, asked what its page says.
    struct Replica {
        let serve: ServeProcess

        init(registry: String, trust: String) throws {
            serve = try ServeProcess(registry: registry, trust: trust)
        }

        /// The status words the page shows for `path`.
        func status(_ path: String) throws -> String {
            let page = try Tool.run("curl", ["-s", "http://127.0.0.1:\(serve.port)" + path + "?lang=zh"]).output
            for words in ["真实有效", "已撤销", "已过期", "无法验证-伪造", "暂时无法核验"] where page.contains("<h1>" + words) { return words }
            return page.isEmpty ? "(no answer)" : "(other)"
        }

        func stop() { serve.stop() }
    }

    @Test func scannedFromThePDFGenuineThenRevokedOnSQLite() throws {
        let issued = try Self.issue()
        let path = try Self.scannedPath(issued.pdf, scratch: issued.folder)
        let replica = try Replica(registry: issued.registry, trust: issued.trust)
        defer { replica.stop() }
        #expect(try replica.status(path) == "真实有效")
        let revoke = try Kaowu.run(["revoke", "SHPX2026000001", "--reason", "证书信息有误", "--registry", issued.registry])
        #expect(revoke.status == 0, "\(revoke.stderr)")
        #expect(try replica.status(path) == "已撤销")
    }

    @Test(.enabled(if: ServerPostgres.enabled, ServerPostgres.skipNote))
    func scannedFromThePDFGenuineThenRevokedOnTwoReplicasSharingPostgreSQL() throws {
        let issued = try Self.issue()
        let path = try Self.scannedPath(issued.pdf, scratch: issued.folder)
        let database = try ServerPostgres.createDatabase()
        defer { ServerPostgres.drop(database) }
        let imported = try Kaowu.run(["registry", "import", issued.registry, "--into", database])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        let first = try Replica(registry: database, trust: issued.trust)
        defer { first.stop() }
        let second = try Replica(registry: database, trust: issued.trust)
        defer { second.stop() }
        #expect(try first.status(path) == "真实有效")
        #expect(try second.status(path) == "真实有效")
        // Revoked through the shared database (as an office does from its own machine): both replicas see it.
        let revoke = try Kaowu.run(["revoke", "SHPX2026000001", "--reason", "证书信息有误", "--registry", database])
        #expect(revoke.status == 0, "\(revoke.stderr)")
        #expect(try first.status(path) == "已撤销")
        #expect(try second.status(path) == "已撤销")
        // The SQLite registry it was imported from is untouched.
        let local = try Replica(registry: issued.registry, trust: issued.trust)
        defer { local.stop() }
        #expect(try local.status(path) == "真实有效")
    }
}
