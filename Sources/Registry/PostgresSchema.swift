import Foundation
import Logging
import PostgresNIO
import Support

/// Brings a PostgreSQL database's registry up to date: `RegistrySchema.steps` (BLOB written BYTEA), each
/// recorded in `registry_schema`, all in one transaction holding an advisory lock, so that several
/// replicas starting at once apply each step once (the others wait, then find it applied). The tables of
/// the connection's current schema are looked at first: a database holding other tables but no
/// `registry_schema` is another program's (`registry.unreadable`), one of a newer schema version is
/// refused (`registry.newer-schema`), an empty one gets the registry only when `create` is true
/// (`registry.missing` otherwise); nothing is changed when it is refused.
enum PostgresSchema {
    /// The advisory lock key migrations hold ("kaowu" + 1).
    static let migrationLock: Int64 = 0x6B61_6F77_7500_0001
    /// The advisory lock key every write transaction holds ("kaowu" + 2): writers take turns, as on SQLite,
    /// so a number is checked and inserted without another writer in between.
    static let writeLock: Int64 = 0x6B61_6F77_7500_0002

    static let logger = Logger(label: "kaowu.registry.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Applies the missing steps; returns the schema version the database has afterwards.
    @discardableResult
    static func prepare(_ connection: PostgresConnection, create: Bool, location: PostgresLocation) async throws -> Int {
        try await transaction(connection) {
            _ = try await connection.query(PostgresRows.query("SELECT pg_advisory_xact_lock($1)", PostgresRows.binds([.integer(migrationLock)])),
                                       logger: logger).collect()
            let tables = try await connection.query(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()", logger: logger)
                .collect().map { try $0.decode(String.self) }
            let known = RegistrySchema.version
            var found = 0
            if tables.isEmpty {
                guard create else { throw RegistryError(path: location.display, reason: .noRegistry) }
            } else {
                guard tables.contains("registry_schema") else { throw RegistryError(path: location.display, reason: .notARegistry) }
                let rows = try await connection.query("SELECT MAX(version) FROM registry_schema", logger: logger).collect()
                found = Int(clamping: try rows.first?.decode(Int64?.self) ?? 0)
                if found > known { throw RegistryError(path: location.display, reason: .newerSchema(found: found, known: known)) }
            }
            for step in RegistrySchema.steps where step.version > found {
                for statement in RegistrySchema.postgresStatements(step) {
                    try await connection.query(PostgresRows.query(statement), logger: logger)
                }
                let record = PostgresRows.query("INSERT INTO registry_schema (version, applied_at, kaowu) VALUES ($1, $2, $3)",
                                                PostgresRows.binds([.integer(Int64(step.version)), .text(RegistryTime.text(Date())),
                                                                    .text(KaowuVersion.current)]))
                try await connection.query(record, logger: logger)
            }
            return max(found, known)
        }
    }

    /// Runs `body` between BEGIN and COMMIT; on any error the transaction is rolled back and the error thrown.
    static func transaction<T>(_ connection: PostgresConnection, _ body: () async throws -> T) async throws -> T {
        try await connection.query("BEGIN", logger: logger)
        do {
            let value = try await body()
            try await connection.query("COMMIT", logger: logger)
            return value
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }
}
