import ArgumentParser
import Registry
import Support

/// `--registry FILE|URL`: the certificate registry a command reads or changes: an SQLite file (default
/// `证书库.sqlite` in the current folder) or a PostgreSQL database (`postgres://user@host:port/db`, the
/// password in the URL or `PGPASSWORD`). Commands that only read or revoke open an existing one and never
/// create it.
struct RegistryOptions: ParsableArguments {
    @Option(name: .long, help: "证书库：SQLite 文件（由 kaowu certify 建立），或 postgres://用户@主机:端口/数据库")
    var registry = "证书库.sqlite"

    /// The registry as shown in messages and listings (a URL without its password).
    var display: String { (try? RegistryLocation(registry).display) ?? PostgresLocation.redacted(registry) }

    /// The existing registry; a missing, foreign, damaged, newer or unreachable one, or a URL that cannot be
    /// read, is a usage or I/O error (exit 2), its message on standard error.
    func openExisting(_ l: Language, command: String) throws -> any RegistryStore {
        try Self.open(registry, create: false, l, command: command)
    }

    /// The registry at `text` (created when `create`), or exit 2 with the reason on standard error.
    static func open(_ text: String, create: Bool, _ l: Language, command: String) throws -> any RegistryStore {
        do {
            return try RegistryLocation(text).open(create: create)
        } catch {
            printError("kaowu \(command)" + l.pick("：", ": ") + describe(error, l))
            throw ExitStatus.usage
        }
    }
}
