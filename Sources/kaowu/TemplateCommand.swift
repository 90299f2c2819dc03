import ArgumentParser
import Foundation
import Support
import Validation

/// `kaowu template roster`: writes the roster import template.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "生成导入模板：kaowu template roster --out 考生导入模板.xlsx")

    @Argument(help: "模板种类（目前为 roster）")
    var kind: String

    @Option(name: .long, help: "输出文件")
    var out: String

    @Option(name: .long, help: "语言：zh 或 en")
    var lang: String = "zh"

    func run() throws {
        guard kind == "roster" else {
            printError("kaowu template: 未知的模板种类 “\(kind)”（可用：roster）")
            throw ExitStatus.usage
        }
        do {
            try RosterTemplate.write(to: out, language: Language(rawValue: lang) ?? .zh)
        } catch {
            printError("kaowu template: \(error)")
            throw ExitStatus.usage
        }
        print(out)
    }
}
