import ArgumentParser
import Foundation
import Synthetic

/// `kaowu generate`: writes the bundled demo data, or a large synthetic roster and photo archive.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "生成演示数据（demo）或大规模合成数据（synthetic）。")

    @Argument(help: "demo 或 synthetic")
    var kind: String

    @Option(name: .long, help: "输出目录")
    var out: String

    @Option(name: .long, help: "合成数据的行数")
    var rows: Int = 10_000

    func validate() throws {
        try OptionCheck.range(rows, 1...10_000_000, "--rows", .zh)
    }

    func run() throws {
        switch kind {
        case "demo": try DemoDataset.write(to: out)
        case "synthetic": try BenchmarkDataset.write(rows: rows, to: out)
        default:
            printError("kaowu generate: 未知的种类 “\(kind)”（可用：demo、synthetic）")
            throw ExitStatus.usage
        }
        print(out)
    }
}
