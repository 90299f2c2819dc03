import ArgumentParser
import Foundation
import Support
import Validation

/// `kaowu template roster`: writes the roster import template.
struct TemplateRosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "考生名单导入模板（.xlsx）")

    @Option(name: .long, help: "输出文件")
    var out: String

    @OptionGroup
    var global: GlobalOptions

    func run() throws {
        do {
            try RosterTemplate.write(to: out, language: global.language)
        } catch {
            printError("kaowu template: " + describe(error, global.language))
            throw ExitStatus.usage
        }
        print(out)
    }
}
