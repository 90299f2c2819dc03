import ArgumentParser
import Registry
import Support

/// `kaowu registry import 证书库.sqlite --into postgres://…`: copies every row of an SQLite registry
/// (batches, certificates, files, approvals, revocations, holder photos) into a PostgreSQL registry in one
/// transaction, creating its tables when the database is empty. Rows already there and identical are
/// counted and skipped, so an import can be run again; a row whose key is there with other content is a
/// conflict: each is reported with its table and key, nothing is written, and the exit status is 1.
struct RegistryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "把 SQLite 证书库导入 PostgreSQL：kaowu registry import 证书库.sqlite --into postgres://kaowu@db.example.org/registry")

    @Argument(help: "要导入的 SQLite 证书库文件")
    var source: String

    @Option(name: .long, help: "导入到这个 PostgreSQL 证书库：postgres://用户@主机:端口/数据库（空数据库会先建表）")
    var into: String

    @OptionGroup
    var global: GlobalOptions

    /// Table names as a person reads them.
    static func tableName(_ table: String, _ l: Language) -> String {
        let zh = ["batches": "批次", "certificates": "证书", "files": "文件", "approvals": "审批", "revocations": "撤销", "holder_photos": "持证人照片"]
        return l.pick(zh[table] ?? table, table)
    }

    func run() throws {
        let l = global.language
        let command = "registry import"
        guard RegistryLocation.isServer(into) else {
            printError(l.pick("kaowu registry import：--into 应是 postgres:// 地址（PostgreSQL 证书库），而不是 \(into)",
                              "kaowu registry import: --into takes a postgres:// URL (a PostgreSQL registry), not \(into)"))
            throw ExitStatus.usage
        }
        guard !RegistryLocation.isServer(source) else {
            printError(l.pick("kaowu registry import：要导入的应是 SQLite 证书库文件", "kaowu registry import: the registry to import is an SQLite file"))
            throw ExitStatus.usage
        }
        let from = try RegistryOptions.open(source, create: false, l, command: command)
        let target = try RegistryOptions.open(into, create: true, l, command: command)
        guard let sqlite = from as? SQLiteRegistry, let postgres = target as? PostgresRegistry else { throw ExitStatus.usage }
        let outcome: RegistryTransfer.ImportOutcome
        do {
            outcome = try postgres.importRows(try sqlite.snapshot())
        } catch {
            printError("kaowu \(command)" + l.pick("：", ": ") + describe(error, l))
            throw ExitStatus.usage
        }
        if !outcome.conflicts.isEmpty {
            printError(l.pick("kaowu registry import：\(outcome.conflicts.count) 行与 \(postgres.path) 中已有的行键相同而内容不同，未导入任何行：",
                              "kaowu registry import: \(outcome.conflicts.count) rows have the key of a different row in \(postgres.path); nothing was imported:"))
            for conflict in outcome.conflicts {
                printError(l.pick("  \(Self.tableName(conflict.table, l))（\(conflict.table)）\(conflict.key)", "  \(conflict.table) \(conflict.key)"))
            }
            throw ExitStatus.problems
        }
        print(l.pick("已把 \(source) 导入 \(postgres.path)：", "imported \(source) into \(postgres.path):"))
        for count in outcome.counts {
            print(l.pick("  \(Self.tableName(count.table, l))：新导入 \(count.copied)，已有 \(count.present)",
                         "  \(count.table): \(count.copied) copied, \(count.present) already there"))
        }
    }
}
