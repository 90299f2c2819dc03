import ArgumentParser
import Synthetic

/// `kaowu generate demo`: writes the bundled demo data (the roster and photos of `fixtures/demo`).
struct GenerateDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "演示数据：考生名单.xlsx 和 照片.zip")

    @Option(name: .long, help: "输出目录")
    var out: String

    @OptionGroup
    var global: GlobalOptions

    func run() throws {
        try DemoDataset.write(to: out)
        print(out)
    }
}
