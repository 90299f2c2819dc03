import ArgumentParser

/// `kaowu registry`: what the certificate registry holds (`kaowu registry list`), and moving it to and from
/// PostgreSQL (`migrate`, `import`, `export`).
struct RegistryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "证书库：列出已发放的证书及其状态（list）；PostgreSQL 证书库的建立与升级（migrate）、导入（import）、导出（export）",
        subcommands: [RegistryListCommand.self, RegistryMigrateCommand.self, RegistryImportCommand.self, RegistryExportCommand.self])

    @OptionGroup
    var global: GlobalOptions

    func run() throws {
        throw CommandGroup.missingCommand(Self.self, global.language)
    }
}
