import ArgumentParser
import Foundation
import Support

/// The kaowu command line: wiring only; the work is in the library targets.
@main
struct Kaowu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaowu",
        abstract: "考务：考生名单与照片校验、排考、准考证等考务材料生成。",
        version: KaowuVersion.current,
        subcommands: [ValidateCommand.self, PackCommand.self, RenderCommand.self, PreviewCommand.self, TemplateCommand.self, KeysCommand.self,
                      CertifyCommand.self, ApproveCommand.self, VerifyCommand.self, RevokeCommand.self, RegistryCommand.self, ServeCommand.self, GenerateCommand.self,
                      BenchCommand.self])

    /// `--lang` before the command (`kaowu --lang en validate …`): the commands reuse this value.
    @OptionGroup
    var global: GlobalOptions

    /// Ctrl-C and SIGTERM are taken over before anything else runs, so work in progress can remove its own
    /// unfinished files (`Interruption`).
    /// Usage errors exit 2 as design §2 says (swift-argument-parser's own code for them is 64).
    static func main() {
        Interruption.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                exit(withError: ExitStatus.usage)
            }
            exit(withError: error)
        }
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// The words for `error`: a diagnostic's message in `language` (rendered here, at the edge), else the
/// error as it describes itself.
func describe(_ error: Error, _ language: Language) -> String {
    (error as? Diagnostic)?.message(language) ?? "\(error)"
}

/// Exits with status 2 when one of `paths` cannot be read (a usage or I/O error, design §2).
func requireReadable(_ paths: [String], _ language: Language) throws {
    for path in paths where !FileManager.default.isReadableFile(atPath: path) {
        printError(language.pick("kaowu：找不到或无法读取文件 \(path)", "kaowu: cannot read \(path)"))
        throw ExitStatus.usage
    }
}
