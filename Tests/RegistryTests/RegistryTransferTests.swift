import Foundation
import Registry
import Testing

/// `kaowu registry import` and `export`: SQLite → PostgreSQL → SQLite gives the same registry; an import
/// can run again; a conflicting row is reported and nothing is written.
@Suite(.enabled(if: PostgresTestServer.enabled, PostgresTestServer.skipNote))
struct RegistryTransferTests {
    /// An SQLite registry with two batches, a reprint, a reissue, a revocation by hand and a photo.
    static func sampleRegistry() throws -> (path: String, registry: SQLiteRegistry) {
        let path = try Samples.registryPath()
        let registry = try SQLiteRegistry(path: path)
        let first = Samples.issue("batch-1", count: 5)
        let photo = HolderPhoto(number: first.certificates[1].number, image: Array(repeating: 0xAB, count: 4_000) + [0, 0xFF])
        try registry.record(first.batch, certificates: first.certificates, files: first.files, approvals: first.approvals, revocations: [], photos: [photo])
        let old = first.certificates[3]
        let new = Samples.certificate(6, person: Samples.people[3], batch: "batch-2", at: Samples.time(86_400), replaces: old.number)
        try registry.record(Samples.batch("batch-2", count: 1, at: Samples.time(86_400)), certificates: [new],
                            files: [Samples.file(new), Samples.file(first.certificates[0], batch: "batch-2", at: Samples.time(86_400))],
                            approvals: [Samples.approval("batch-2", role: "培训机构")],
                            revocations: [StoredRevocation(number: old.number, reason: "reissued", at: Samples.time(86_400), replacedBy: new.number)])
        _ = try registry.revoke(number: first.certificates[4].number, reason: "证书信息有误", at: Samples.time(90_000).addingTimeInterval(0.5))
        return (path, registry)
    }

    @Test func sqliteToPostgresToSQLiteKeepsEveryRow() throws {
        let (path, source) = try Self.sampleRegistry()
        let expected = try source.snapshot()
        #expect(expected.photos.count == 1 && expected.revocations.count == 2 && expected.files.count == 7 && expected.approvals.count == 3)
        let location = try PostgresTestServer.createDatabase()
        defer { PostgresTestServer.drop(location) }
        let postgres = try PostgresRegistry.open(location, create: true)

        let first = try RegistryTransfer.importSQLite(path: path, into: postgres)
        #expect(first.conflicts.isEmpty)
        #expect(first.counts.map(\.copied) == expected.counts.map(\.rows) && first.counts.allSatisfy { $0.present == 0 }, "\(first.counts)")
        #expect(try postgres.snapshot() == expected)
        // Again: everything is there and identical.
        let again = try RegistryTransfer.importSQLite(path: path, into: postgres)
        #expect(again.conflicts.isEmpty && again.counts.map(\.present) == expected.counts.map(\.rows) && again.counts.allSatisfy { $0.copied == 0 })

        let folder = try Samples.registryPath().replacingOccurrences(of: "/证书库.sqlite", with: "")
        let copy = folder + "/证书库副本.sqlite"
        try RegistryTransfer.export(try postgres.snapshot(), to: copy)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["证书库副本.sqlite"])
        let exported = try SQLiteRegistry.openExisting(path: copy)
        #expect(try exported.snapshot() == expected)
        #expect(try exported.certificates(issuerCode: nil) == source.certificates(issuerCode: nil))
        #expect(try exported.revocations(issuerCode: nil) == source.revocations(issuerCode: nil))
        for certificate in expected.certificates {
            #expect(try exported.files(number: certificate.number) == source.files(number: certificate.number))
            #expect(try exported.photo(number: certificate.number) == source.photo(number: certificate.number))
            #expect(try exported.approvals(batchID: certificate.batchID) == source.approvals(batchID: certificate.batchID))
        }
        // An existing file is never replaced.
        let before = try Data(contentsOf: URL(fileURLWithPath: copy))
        let refused = #expect(throws: RegistryError.self) { try RegistryTransfer.export(expected, to: copy) }
        #expect(refused?.reason == .fileExists)
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == before)
    }

    @Test func aConflictingRowIsReportedAndNothingIsWritten() throws {
        let (path, source) = try Self.sampleRegistry()
        let location = try PostgresTestServer.createDatabase()
        defer { PostgresTestServer.drop(location) }
        let postgres = try PostgresRegistry.open(location, create: true)
        #expect(try RegistryTransfer.importSQLite(path: path, into: postgres).conflicts.isEmpty)
        let before = try postgres.snapshot()

        // Another office's registry: a new batch, and the same number issued to someone else, revoked otherwise.
        let otherPath = try Samples.registryPath()
        let other = try SQLiteRegistry(path: otherPath)
        var clash = try #require(try source.certificate(number: "SHPX2026000002"))
        clash.name = "另一个人"
        clash.batchID = "batch-9"
        let fresh = Samples.certificate(40, person: Samples.people[0], batch: "batch-9")
        try other.record(Samples.batch("batch-9", count: 2), certificates: [fresh, clash], files: [Samples.file(fresh)], approvals: [], revocations: [])
        _ = try other.revoke(number: clash.number, reason: "另一原因", at: Samples.time(5))
        let outcome = try RegistryTransfer.importSQLite(path: otherPath, into: postgres)
        #expect(outcome.conflicts == [RegistryTransfer.Conflict(table: "certificates", key: clash.number)])
        #expect(try postgres.snapshot() == before)
        #expect(try postgres.certificate(number: fresh.number) == nil && postgres.batch(id: "batch-9") == nil)
    }
}
