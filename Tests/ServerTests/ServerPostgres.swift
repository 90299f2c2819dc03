import Foundation
import Testing
import TestTools

/// The PostgreSQL server the service tests also run against: `KAOWU_TEST_POSTGRES_URL` (scripts/test starts a
/// throw-away cluster and sets it). Each test gets a database of its own (made and dropped with `psql`).
/// Without the variable the PostgreSQL tests are skipped with a note, except under CI, where they fail.
enum ServerPostgres {
    static let url: String? = ProcessInfo.processInfo.environment["KAOWU_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let enabled = url != nil || ProcessInfo.processInfo.environment["CI"] == "true"
    static let skipNote: Comment = "KAOWU_TEST_POSTGRES_URL is not set: the PostgreSQL service tests are skipped (scripts/test starts a server and sets it)"

    struct Missing: Error, CustomStringConvertible {
        var description: String { "KAOWU_TEST_POSTGRES_URL is not set, and CI=true: the PostgreSQL service tests must run under CI" }
    }

    struct PsqlFailed: Error { var output: String }

    /// A new empty database's URL.
    static func createDatabase() throws -> String {
        guard let url else { throw Missing() }
        let name = "kaowu_s_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let run = try Tool.run("psql", [url, "-q", "-c", "CREATE DATABASE \(name)"])
        guard run.status == 0 else { throw PsqlFailed(output: run.output) }
        return replaceDatabase(url, with: name)
    }

    static func drop(_ database: String) {
        guard let url, let name = database.split(separator: "/").last?.split(separator: "?").first, name.hasPrefix("kaowu_s_") else { return }
        _ = try? Tool.run("psql", [url, "-q", "-c", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"])
    }

    /// `url` with its database name replaced.
    static func replaceDatabase(_ url: String, with name: String) -> String {
        let query = url.firstIndex(of: "?").map { String(url[$0...]) } ?? ""
        let base = query.isEmpty ? url : String(url[..<url.firstIndex(of: "?")!])
        guard let slash = base.range(of: "/", options: .backwards), base[..<slash.lowerBound].contains("@") || base[..<slash.lowerBound].contains(":") else {
            return base + "/" + name + query
        }
        return String(base[..<slash.lowerBound]) + "/" + name + query
    }
}
