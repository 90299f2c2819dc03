import Foundation
import GRDB
import Registry
import Testing

/// The two registry back ends the protocol tests run on. PostgreSQL only when a server is given (or under CI).
enum RegistryBackend: String, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static let all: [RegistryBackend] = PostgresTestServer.enabled ? [.sqlite, .postgres] : [.sqlite]

    var testDescription: String { rawValue }

    /// A new, empty registry of this back end.
    func make() throws -> RegistryUnderTest {
        switch self {
        case .sqlite:
            let path = try Samples.registryPath()
            return RegistryUnderTest(store: try SQLiteRegistry(path: path), location: .file(path))
        case .postgres:
            let location = try PostgresTestServer.createDatabase()
            do {
                return RegistryUnderTest(store: try PostgresRegistry.open(location, create: true), location: .postgres(location))
            } catch {
                PostgresTestServer.drop(location)
                throw error
            }
        }
    }
}

/// A registry made for one test: the store, where it is, row counts read with a connection of their own,
/// and a second instance (another process or replica). `finish` drops its PostgreSQL database.
final class RegistryUnderTest {
    let store: any RegistryStore
    let location: RegistryLocation

    init(store: any RegistryStore, location: RegistryLocation) {
        self.store = store
        self.location = location
    }

    /// Drops the PostgreSQL database (call it with `defer` right after making the registry).
    func finish() {
        if case .postgres(let location) = location { PostgresTestServer.drop(location) }
    }

    /// Another instance on the same registry.
    func reopen() throws -> any RegistryStore {
        try location.openExisting()
    }

    /// Row counts of every table.
    func counts() throws -> [String: Int] {
        let tables = ["batches", "certificates", "files", "approvals", "revocations", "holder_photos"]
        switch location {
        case .file(let path):
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.read { db in
                var counts: [String: Int] = [:]
                for table in tables { counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") }
                return counts
            }
        case .postgres(let location):
            var counts: [String: Int] = [:]
            for table in tables { counts[table] = Int(try PostgresTestServer.rows(location, "SELECT COUNT(*) FROM \(table)")[0][0] ?? "") }
            return counts
        }
    }
}
