import ArgumentParser

/// `kaowu generate`: the bundled demo data (`generate demo`) or a large synthetic roster and photo archive
/// (`generate synthetic`).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "生成演示数据（demo）或大规模合成数据（synthetic）。",
        subcommands: [GenerateDemoCommand.self, GenerateSyntheticCommand.self])

    @OptionGroup
    var global: GlobalOptions

    func run() throws {
        throw CommandGroup.missingCommand(Self.self, global.language)
    }
}
