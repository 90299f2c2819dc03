import Foundation
import PostgresNIO
@testable import Registry
import Testing

/// The PostgreSQL server the registry tests run against: `KAOWU_TEST_POSTGRES_URL` (scripts/test starts a
/// throw-away cluster and sets it). Each test gets a database of its own, created here and dropped after,
/// so tests run in parallel. Without the variable the PostgreSQL tests are skipped with a note, except
/// under CI (`CI=true`), where they run and fail, so CI cannot skip them silently.
enum PostgresTestServer {
    static let url: String? = ProcessInfo.processInfo.environment["KAOWU_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"
    /// Whether the PostgreSQL tests run (and, under CI without a server, fail).
    static let enabled = url != nil || isCI
    static let skipNote: Comment = "KAOWU_TEST_POSTGRES_URL is not set: the PostgreSQL registry tests are skipped (scripts/test starts a server and sets it)"

    /// The role that must give its password (scripts/postgres-test-cluster).
    static let secretUser = "kaowu_secret", secretPassword = "kaowu-test-secret"

    struct Missing: Error, CustomStringConvertible {
        var description: String { "KAOWU_TEST_POSTGRES_URL is not set, and CI=true: the PostgreSQL registry tests must run under CI (scripts/test starts a server)" }
    }

    /// Runs the asynchronous part of a test on an executor of its own: Swift Testing runs the other suites'
    /// synchronous tests on the cooperative pool (two threads here), which can keep it busy for minutes, and a
    /// timed request must not wait for a thread that long.
    static func unstarved<T: Sendable>(_ body: () async throws -> T) async rethrows -> T {
        try await withTaskExecutorPreference(TestExecutor.shared, operation: body)
    }

    /// A serial queue of the tests' own as a task executor (not the registry's bridge queue: a synchronous
    /// registry call made from here waits for work on that one).
    final class TestExecutor: TaskExecutor {
        static let shared = TestExecutor()
        let queue = DispatchQueue(label: "kaowu.registry-tests")

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            let executor = asUnownedTaskExecutor()
            queue.async { job.runSynchronously(on: executor) }
        }
    }

    /// The server's own database (where test databases are created from).
    static func admin() throws -> PostgresLocation {
        guard let url else { throw Missing() }
        return try PostgresLocation(parsing: url)
    }

    /// A new empty database on the server.
    static func createDatabase() throws -> PostgresLocation {
        var location = try admin()
        let name = "kaowu_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        // A database name is an identifier, not a value: this one is made here of [a-z0-9_] only.
        try execute(location, "CREATE DATABASE \(name)")
        location.database = name
        return location
    }

    /// Drops a database `createDatabase` made (its connections are ended first).
    static func drop(_ location: PostgresLocation) {
        guard let admin = try? admin(), location.database.hasPrefix("kaowu_t_") else { return }
        try? execute(admin, "DROP DATABASE IF EXISTS \(location.database) WITH (FORCE)")
    }

    /// Runs constant SQL in `location` with a connection of its own.
    static func execute(_ location: PostgresLocation, _ sql: String) throws {
        _ = try rows(location, sql)
    }

    /// The rows of constant SQL, each as its cells' text, numbers or flags (NULL as nil), with a connection of its own.
    static func rows(_ location: PostgresLocation, _ sql: String) throws -> [[String?]] {
        try BlockingBridge.run {
            let connection = try await PostgresRegistry.connect(location)
            let rows: [PostgresRow]
            do {
                rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: PostgresRegistry.logger).collect()
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
            return rows.map { row in
                row.map { cell -> String? in
                    guard cell.bytes != nil else { return nil }
                    if [.int2, .int4, .int8].contains(cell.dataType), let number = try? cell.decode(Int64.self) { return String(number) }
                    if cell.dataType == .bool, let flag = try? cell.decode(Bool.self) { return String(flag) }
                    if let text = try? cell.decode(String.self) { return text }
                    return "(\(cell.dataType))"
                }
            }
        }
    }
}
