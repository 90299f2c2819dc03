import Foundation
import Registry
import Testing
import TestTools

/// `kaowu registry migrate|import|export` and `kaowu revoke|registry list --registry postgres://…`, run as a
/// user runs them, against a database of their own.
@Suite(.enabled(if: PostgresTestServer.enabled, PostgresTestServer.skipNote))
struct PostgresCommandTests {
    /// The database's URL with a password in it (trust authentication ignores it): it must never be printed.
    static let password = "Never-Shown-9d2c"

    func url(_ location: PostgresLocation) -> String {
        "postgres://\(location.user):\(Self.password)@\(location.host):\(location.port)/\(location.database)"
    }

    func expectNoPassword(_ run: (status: Int32, stdout: String, stderr: String), _ label: String) {
        #expect(!run.stdout.contains(Self.password) && !run.stderr.contains(Self.password), "\(label): \(run.stdout) \(run.stderr)")
    }

    @Test func migrateImportRevokeListAndExport() throws {
        let (path, source) = try RegistryTransferTests.sampleRegistry()
        let folder = (path as NSString).deletingLastPathComponent
        let location = try PostgresTestServer.createDatabase()
        defer { PostgresTestServer.drop(location) }
        let target = url(location)

        let migrate = try Kaowu.run(["registry", "migrate", "--registry", target])
        #expect(migrate.status == 0 && migrate.stdout.contains("版本 \(RegistrySchema.version)"), "\(migrate.stdout) \(migrate.stderr)")
        #expect(migrate.stdout.contains("postgres://kaowu@"))
        expectNoPassword(migrate, "migrate")

        let imported = try Kaowu.run(["registry", "import", "证书库.sqlite", "--into", target], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("证书：新导入 6，已有 0") && imported.stdout.contains("持证人照片：新导入 1，已有 0"), "\(imported.stdout)")
        expectNoPassword(imported, "import")
        let again = try Kaowu.run(["registry", "import", "证书库.sqlite", "--into", target, "--lang", "en"], in: folder)
        #expect(again.status == 0 && again.stdout.contains("certificates: 0 copied, 6 already there"), "\(again.stdout) \(again.stderr)")

        let number = try source.certificates(issuerCode: nil)[0].number
        let revoke = try Kaowu.run(["revoke", number, "--reason", "证书信息有误", "--registry", target])
        #expect(revoke.status == 0 && revoke.stdout.contains("已撤销证书 \(number)"), "\(revoke.stdout) \(revoke.stderr)")
        let twice = try Kaowu.run(["revoke", number, "--reason", "又一次", "--registry", target])
        #expect(twice.status == 1 && twice.stderr.contains("撤销，原因：证书信息有误"), "\(twice.stderr)")
        expectNoPassword(twice, "revoke")
        #expect(try PostgresRegistry.open(location, create: false).revocation(number: number)?.reason == "证书信息有误")

        let list = try Kaowu.run(["registry", "list", "--registry", target, "--today", "2027-01-01"])
        #expect(list.status == 0 && list.stdout.contains("共 6 张证书：有效 3，已过期 0，已撤销 3"), "\(list.stdout) \(list.stderr)")
        let json = try Kaowu.run(["registry", "list", "--registry", target, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["registry"] as? String == location.display)
        expectNoPassword(json, "list")

        let export = try Kaowu.run(["registry", "export", "--registry", target, "--out", "副本.sqlite"], in: folder)
        #expect(export.status == 0 && export.stdout.contains("证书：6"), "\(export.stdout) \(export.stderr)")
        #expect(try SQLiteRegistry.openExisting(path: folder + "/副本.sqlite").snapshot() == PostgresRegistry.open(location, create: false).snapshot())
        let over = try Kaowu.run(["registry", "export", "--registry", target, "--out", "证书库.sqlite"], in: folder)
        #expect(over.status == 2 && over.stderr.contains("已存在"), "\(over.stderr)")
        // Nothing left behind but the registries (and the open source registry's WAL files).
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
        #expect(left.sorted() == ["副本.sqlite", "证书库.sqlite"], "\(left)")
    }

    @Test func aConflictingImportExitsOneAndWritesNothing() throws {
        let (path, _) = try RegistryTransferTests.sampleRegistry()
        let location = try PostgresTestServer.createDatabase()
        defer { PostgresTestServer.drop(location) }
        #expect(try Kaowu.run(["registry", "import", path, "--into", url(location)]).status == 0)
        let other = try Samples.registryPath()
        var clash = Samples.certificate(3, person: Samples.people[5], batch: "batch-7")
        clash.name = "别人"
        try SQLiteRegistry(path: other).record(Samples.batch("batch-7", count: 1), certificates: [clash], files: [], approvals: [], revocations: [])
        let before = try PostgresRegistry.open(location, create: false).snapshot()
        let run = try Kaowu.run(["registry", "import", other, "--into", url(location)])
        #expect(run.status == 1, "\(run.stdout) \(run.stderr)")
        #expect(run.stderr.contains("未导入任何行") && run.stderr.contains("证书（certificates）\(clash.number)"), "\(run.stderr)")
        #expect(try PostgresRegistry.open(location, create: false).snapshot() == before)
    }

    @Test func badOrUnreachableRegistriesAreUsageErrors() throws {
        let port = try PostgresRegistryTests.closedPort()
        let unreachable = try Kaowu.run(["registry", "list", "--registry", "postgres://kaowu:\(Self.password)@127.0.0.1:\(port)/db"])
        #expect(unreachable.status == 2 && unreachable.stderr.contains("无法连接数据库服务器"), "\(unreachable.stderr)")
        expectNoPassword(unreachable, "unreachable")
        let bad = try Kaowu.run(["revoke", "SHPX2026000001", "--reason", "x", "--registry", "postgres://kaowu:\(Self.password)@127.0.0.1/", "--lang", "en"])
        #expect(bad.status == 2 && bad.stderr.contains("cannot be understood"), "\(bad.stderr)")
        expectNoPassword(bad, "bad")
        let notInto = try Kaowu.run(["registry", "import", "a.sqlite", "--into", "b.sqlite"])
        #expect(notInto.status == 2 && notInto.stderr.contains("postgres://"), "\(notInto.stderr)")
    }
}
