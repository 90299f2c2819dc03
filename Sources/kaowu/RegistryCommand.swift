import ArgumentParser

/// `kaowu registry`: what the certificate registry holds (`kaowu registry list`).
struct RegistryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "证书库：列出已发放的证书及其状态（kaowu registry list）",
        subcommands: [RegistryListCommand.self])

    @OptionGroup
    var global: GlobalOptions

    func run() throws {
        throw CommandGroup.missingCommand(Self.self, global.language)
    }
}
