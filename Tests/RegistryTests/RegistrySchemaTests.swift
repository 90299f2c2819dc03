import Foundation
import GRDB
import Registry
import Testing

/// The registry file: created with its schema in WAL mode; a newer, foreign, damaged or missing file is
/// refused with its own code and left exactly as it was.
@Suite struct RegistrySchemaTests {
    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// Runs `sql` on the file with a connection of its own, then closes it.
    func execute(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
    }

    @Test func aNewRegistryHasItsTablesIndexesAndWAL() throws {
        let path = try Samples.registryPath()
        do { _ = try SQLiteRegistry(path: path) }
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        try queue.read { db in
            let names = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%'")
            for name in ["registry_schema", "batches", "certificates", "files", "approvals", "revocations", "holder_photos",
                         "certificates_holder", "certificates_issuer", "certificates_batch", "files_batch"] {
                #expect(names.contains(name), "\(name)")
            }
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            #expect(try Int.fetchOne(db, sql: "SELECT MAX(version) FROM registry_schema") == RegistrySchema.version)
            let holderIndex = try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info('certificates_holder') ORDER BY seqno")
            #expect(holderIndex == ["holder_key", "certificate_key"])
        }
    }

    @Test func theSchemaIsPortableSQL() {
        // The next issue runs the same statements on PostgreSQL: nothing SQLite-only.
        let sql = RegistrySchema.steps.flatMap(\.statements).joined(separator: "\n").uppercased()
        for word in ["AUTOINCREMENT", "WITHOUT ROWID", "STRICT", "PRAGMA", "INTEGER PRIMARY KEY", "COLLATE NOCASE", "DATETIME(", " REAL", "IF NOT EXISTS"] {
            #expect(!sql.contains(word), "\(word)")
        }
        #expect(sql.contains("UNIQUE (ISSUER_CODE, SEQUENCE_PREFIX, SEQUENCE)"))
        #expect(RegistrySchema.version == 2)
    }

    @Test func aRegistryOfSchemaOneIsBroughtUpToDateKeepingItsRows() throws {
        // What kaowu 0.11 wrote: step 1 only, recorded both in registry_schema and in GRDB's table.
        let path = try Samples.registryPath()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for statement in RegistrySchema.steps[0].statements { try db.execute(sql: statement) }
            try db.execute(sql: "INSERT INTO registry_schema (version, applied_at, kaowu) VALUES (1, '2026-12-01T00:00:00.000Z', '0.11.0')")
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v1')")
        }
        try queue.close()
        let registry = try SQLiteRegistry.openExisting(path: path)
        let issue = Samples.issue("batch-1", count: 1)
        let photo = HolderPhoto(number: issue.certificates[0].number, image: [0xFF, 0xD8, 0xFF, 0xD9])
        try registry.record(issue.batch, certificates: issue.certificates, files: issue.files, approvals: [], revocations: [], photos: [photo])
        #expect(try registry.photo(number: photo.number) == photo.image)
        #expect(try registry.photo(number: "nobody") == nil)
        let versions = try DatabaseQueue(path: path).read { db in try Int.fetchAll(db, sql: "SELECT version FROM registry_schema ORDER BY version") }
        #expect(versions == [1, 2])
    }

    @Test func aRegistryFromANewerKaowuIsRefusedUnchanged() throws {
        for sql in ["INSERT INTO registry_schema (version, applied_at, kaowu) VALUES (7, '2030-01-01T00:00:00.000Z', '9.0.0')",
                    "INSERT INTO grdb_migrations (identifier) VALUES ('v7')"] {
            let path = try Samples.registryPath()
            do {
                let registry = try SQLiteRegistry(path: path)
                let issue = Samples.issue("batch-1", count: 2)
                try registry.record(issue.batch, certificates: issue.certificates, files: issue.files, approvals: [], revocations: [])
            }
            try execute(path, sql)
            let before = try bytes(path)
            for open in [{ _ = try SQLiteRegistry(path: path) }, { _ = try SQLiteRegistry.openExisting(path: path) }] {
                let error = #expect(throws: RegistryError.self) { try open() }
                #expect(error?.reason == .newerSchema(found: 7, known: RegistrySchema.version))
                #expect(error?.code == "registry.newer-schema")
                #expect(error?.message(.zh).contains("更新版本") == true)
            }
            #expect(try bytes(path) == before)
        }
    }

    @Test func anotherProgramsDatabaseOrAnyOtherFileIsRefusedUnchanged() throws {
        let dir = try Samples.registryPath().replacingOccurrences(of: "/证书库.sqlite", with: "")
        let foreign = dir + "/notes.sqlite"
        try execute(foreign, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('会议纪要')")
        let text = dir + "/名单.csv"
        try "姓名,身份证号\n张伟,11010519491231002X\n".write(toFile: text, atomically: true, encoding: .utf8)
        let cases: [(String, String)] = [(foreign, "registry.unreadable"), (text, "registry.unreadable")]
        for (path, code) in cases {
            let before = try bytes(path)
            for open in [{ _ = try SQLiteRegistry(path: path) }, { _ = try SQLiteRegistry.openExisting(path: path) }] {
                let error = #expect(throws: RegistryError.self) { try open() }
                #expect(error?.code == code)
                #expect(error?.message(.zh).contains("不是 kaowu 的证书库") == true, "\(String(describing: error))")
            }
            #expect(try bytes(path) == before)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["notes.sqlite", "名单.csv"])

        let missing = dir + "/没有.sqlite"
        let error = #expect(throws: RegistryError.self) { _ = try SQLiteRegistry.openExisting(path: missing) }
        #expect(error?.reason == .missing)
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect((#expect(throws: RegistryError.self) { _ = try SQLiteRegistry(path: dir) })?.reason == .notAFile)
        #expect((#expect(throws: RegistryError.self) { _ = try SQLiteRegistry(path: dir + "/无此目录/证书库.sqlite") })?.code == "registry.unwritable")
    }

    @Test func damagedValuesAreReportedNotTrappedOn() throws {
        let damages = ["UPDATE certificates SET issued_at = 'yesterday' WHERE sequence = 1",
                       "UPDATE certificates SET name = X'00FF' WHERE sequence = 1",
                       "UPDATE certificates SET sequence = 'one' WHERE sequence = 1",
                       "UPDATE certificates SET expires_on = X'32303331' WHERE sequence = 1"]
        for damage in damages {
            let path = try Samples.registryPath()
            let registry = try SQLiteRegistry(path: path)
            let issue = Samples.issue("batch-1", count: 2)
            try registry.record(issue.batch, certificates: issue.certificates, files: issue.files, approvals: [], revocations: [])
            try execute(path, damage)
            let error = #expect(throws: RegistryError.self, "\(damage)") { _ = try registry.certificates(issuerCode: nil) }
            #expect(error?.code == "registry.unreadable", "\(damage)")
            #expect(error?.message(.en).contains("certificates.") == true, "\(String(describing: error))")
            #expect(try registry.certificate(number: issue.certificates[1].number) == issue.certificates[1])
        }
    }
}
