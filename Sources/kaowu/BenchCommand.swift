import ArgumentParser

/// `kaowu bench`: times kaowu's heavy work on synthetic data (`bench validate`, `bench render`, `bench pack`).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "性能测试：kaowu bench validate --rows 10000,100000",
        subcommands: [BenchValidateCommand.self, BenchRenderCommand.self, BenchPackCommand.self, BenchCertifyCommand.self, BenchServeCommand.self])

    @OptionGroup
    var global: GlobalOptions

    func run() throws {
        throw CommandGroup.missingCommand(Self.self, global.language)
    }
}
