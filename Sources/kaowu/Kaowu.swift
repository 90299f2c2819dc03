import ArgumentParser
import Foundation

/// The kaowu command line: wiring only; the work is in the library targets.
@main
struct Kaowu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaowu",
        abstract: "考务：考生名单与照片校验、排考、准考证等考务材料生成。",
        version: "0.1.0",
        subcommands: [ValidateCommand.self, RenderCommand.self, PreviewCommand.self, TemplateCommand.self, GenerateCommand.self, BenchCommand.self])
}

/// Exit statuses shared by every command (design §2).
enum ExitStatus {
    /// The input has problems (reported).
    static let problems = ExitCode(1)
    /// Usage or I/O error.
    static let usage = ExitCode(2)
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
