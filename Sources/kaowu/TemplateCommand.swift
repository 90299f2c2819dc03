import ArgumentParser

/// `kaowu template`: the import templates (`kaowu template roster`).
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "生成导入模板：kaowu template roster --out 考生导入模板.xlsx",
        subcommands: [TemplateRosterCommand.self])

    @OptionGroup
    var global: GlobalOptions

    func run() throws {
        throw CommandGroup.missingCommand(Self.self, global.language)
    }
}
