import ArgumentParser
import Foundation
import Registry
import Support

/// `kaowu registry export --registry postgres://… --out 证书库副本.sqlite`: writes every row of a registry
/// into a new SQLite registry (for an office without the server, or a backup). The file is written under a
/// temporary name and put in place when complete; an existing file is never replaced (exit 2).
struct RegistryExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "把证书库导出为新的 SQLite 文件：kaowu registry export --registry postgres://kaowu@db.example.org/registry --out 证书库副本.sqlite")

    @OptionGroup
    var registry: RegistryOptions

    @Option(name: .long, help: "新的 SQLite 证书库文件（已有的文件不会被覆盖）")
    var out: String

    @OptionGroup
    var global: GlobalOptions

    func run() throws {
        let l = global.language
        let command = "registry export"
        if FilePath.kind(of: out) != .missing {
            printError(l.pick("kaowu registry export：\(out) 已存在，kaowu 不会覆盖；请换一个文件名", "kaowu registry export: \(out) exists and kaowu does not replace it; choose another name"))
            throw ExitStatus.usage
        }
        let store = try registry.openExisting(l, command: command)
        do {
            let snapshot: RegistrySnapshot
            if let postgres = store as? PostgresRegistry {
                snapshot = try postgres.snapshot()
            } else if let sqlite = store as? SQLiteRegistry {
                snapshot = try sqlite.snapshot()
            } else {
                throw ExitStatus.usage
            }
            try RegistryTransfer.export(snapshot, to: out)
            print(l.pick("已把 \(registry.display) 导出到 \(out)：", "exported \(registry.display) to \(out):"))
            for (table, rows) in snapshot.counts {
                print(l.pick("  \(RegistryImportCommand.tableName(table, l))：\(rows)", "  \(table): \(rows)"))
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("kaowu \(command)" + l.pick("：", ": ") + describe(error, l))
            throw ExitStatus.usage
        }
    }
}
