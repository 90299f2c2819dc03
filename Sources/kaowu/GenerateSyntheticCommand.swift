import ArgumentParser
import Synthetic

/// `kaowu generate synthetic`: writes a synthetic roster of `--rows` rows and its photo archive, for load tests.
struct GenerateSyntheticCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synthetic",
        abstract: "大规模合成数据：roster.xlsx 和 photos.zip")

    @Option(name: .long, help: "输出目录")
    var out: String

    @Option(name: .long, help: "合成数据的行数")
    var rows: Int = 10_000

    @OptionGroup
    var global: GlobalOptions

    func validate() throws {
        try OptionCheck.range(rows, 1...10_000_000, "--rows", global.language)
    }

    func run() throws {
        try BenchmarkDataset.write(rows: rows, to: out)
        print(out)
    }
}
