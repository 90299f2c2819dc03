import ArgumentParser
import Support

/// Options every command takes. Declared by `kaowu` itself and by each command that does work, so
/// `kaowu --lang en validate …` and `kaowu validate --lang en …` are the same: the root parses `--lang`
/// wherever it stands and the commands below reuse that value (an `@OptionGroup` of a type already decoded
/// for a parent command is not parsed again).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "消息语言：zh 或 en")
    var lang: MessageLanguage = .zh

    /// The language messages are written in.
    var language: Language { lang.language }
}
