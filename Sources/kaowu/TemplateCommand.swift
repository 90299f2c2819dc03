import ArgumentParser

/// `kaowu template`: the roster import template (`kaowu template roster`) and copies of the built-in
/// document templates for editing (`kaowu template copy`).
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "名单导入模板（kaowu template roster --out 考生导入模板.xlsx）；复制内置文书模板以便修改（kaowu template copy KIND --out DIR）",
        subcommands: [TemplateRosterCommand.self, TemplateCopyCommand.self])

    @OptionGroup
    var global: GlobalOptions

    func run() throws {
        throw CommandGroup.missingCommand(Self.self, global.language)
    }
}
