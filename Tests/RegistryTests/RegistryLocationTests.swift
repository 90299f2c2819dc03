import Foundation
import Registry
import Support
import Testing

/// `--registry` takes a file or a PostgreSQL URL; a URL's password is never shown.
@Suite struct RegistryLocationTests {
    @Test func urlsAndFilesAreToldApart() throws {
        let full = try RegistryLocation("postgresql://verify:s%40cret@db.example.org:6543/registry?sslmode=require", environment: [:])
        #expect(full == .postgres(PostgresLocation(user: "verify", password: "s@cret", host: "db.example.org", port: 6543, database: "registry",
                                                   sslMode: .require)))
        #expect(full.display == "postgres://verify@db.example.org:6543/registry?sslmode=require")
        let short = try RegistryLocation("POSTGRES://kaowu@127.0.0.1/证书库", environment: ["PGPASSWORD": "from-env"])
        #expect(short == .postgres(PostgresLocation(user: "kaowu", password: "from-env", host: "127.0.0.1", port: 5432, database: "证书库")))
        #expect(try RegistryLocation("postgres://a:url-wins@[::1]:5433/db", environment: ["PGPASSWORD": "env"])
                == .postgres(PostgresLocation(user: "a", password: "url-wins", host: "::1", port: 5433, database: "db")))
        for file in ["证书库.sqlite", "out/postgres.sqlite", "postgres:/not-a-url", "./postgres://x"] {
            #expect(try RegistryLocation(file) == .file(file))
        }
    }

    @Test func badURLsAreRefusedWithoutTheirPassword() {
        let cases = ["postgres://kaowu:hunter2-secret@127.0.0.1", "postgres://kaowu:hunter2-secret@127.0.0.1:99999/db", "postgres://127.0.0.1/db",
                     "postgres://kaowu:hunter2-secret@/db", "postgres://kaowu:hunter2-secret@h/db?sslmode=sometimes", "postgres://k@h/db?user=x",
                     "postgres://kaowu:hunter2-secret@h/a/b"]
        for text in cases {
            let error = #expect(throws: RegistryError.self, "\(text)") { _ = try RegistryLocation(text, environment: [:]) }
            #expect(error?.code == "registry.bad-url", "\(text)")
            for language in [Language.zh, .en] {
                #expect(error?.message(language).contains("hunter2") == false, "\(String(describing: error))")
            }
        }
    }
}
