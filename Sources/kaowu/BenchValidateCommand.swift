import ArgumentParser
import Foundation

/// `kaowu bench validate`: generates synthetic rosters with photo archives (cached) and times
/// `kaowu validate` on them in a child process, reporting wall time, rows/s and the child's peak memory.
struct BenchValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "校验的速度和内存：kaowu bench validate --rows 10000,100000")

    @Option(name: .long, help: "行数，逗号分隔")
    var rows = RowCounts([10_000, 100_000])

    @OptionGroup
    var bench: BenchOptions

    @OptionGroup
    var global: GlobalOptions

    func validate() throws {
        try bench.check(global.language)
    }

    func run() throws {
        print("kaowu bench validate — \(ProcessInfo.processInfo.activeProcessorCount) cores")
        let reference = try bench.reference()
        print("rows      photos    wall s   × ref    rows/s     peak MB   (generation s)")
        for n in rows.sizes {
            let (directory, generation) = try bench.dataset(rows: n)
            let b = try ChildProcess.fastest(of: bench.repeats, ["validate", "--roster", directory + "/roster.xlsx", "--photos", directory + "/photos.zip",
                                                                 "--json", "--today", "2026-11-22"])
            print(String(format: "%-9d %-9d %-8.2f %-8.2f %-10.0f %-9.1f (%.1f)%@", n, n, b.wall, b.wall / reference, Double(n) / b.wall,
                         Double(b.peak) / 1024, generation, b.status == 0 ? "" : "  exit \(b.status)"))
        }
    }
}
