import ArgumentParser
import Foundation

/// `kaowu bench pack`: makes full print packs of synthetic exams (`bench-data/N/pack.yaml`, rooms of 30 for
/// every mode; `--subjects 2`: every candidate sits two sessions) in a child process and prints wall time,
/// pages/s, files and peak memory.
struct BenchPackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "整套材料的速度和内存：kaowu bench pack --rows 10000,100000")

    @Option(name: .long, help: "考生人数，逗号分隔")
    var rows = RowCounts([10_000, 100_000])

    @Option(name: .long, help: "每位考生报考的科目数（1–4，各在不同场次）")
    var subjects = 1

    @OptionGroup
    var bench: BenchOptions

    @OptionGroup
    var threads: ThreadOptions

    @OptionGroup
    var global: GlobalOptions

    func validate() throws {
        try OptionCheck.range(subjects, 1...4, "--subjects", global.language)
        try bench.check(global.language)
        try threads.check(global.language)
    }

    func run() throws {
        let threads = threads.count
        print("kaowu bench pack — \(threads) threads, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print("kaowu bench pack — \(subjects) subject\(subjects == 1 ? "" : "s") per candidate")
        let reference = try bench.reference()
        print("candidates  rooms  wall s   × ref    pages    pages/s  files   peak MB   pack MB   (generation s)")
        for n in rows.sizes {
            let (directory, generation) = try bench.dataset(rows: n, subjects: subjects)
            let job = directory + "/pack.yaml"
            let rooms = try PackBenchmarkJob.write(candidates: n, subjects: subjects, to: job)
            let b = try ChildProcess.fastest(of: bench.repeats, ["pack", job, "--out", directory + "/pack", "--threads", String(threads)])
            let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/pack/manifest.json"))) as? [String: Any]
            let counts = manifest?["counts"] as? [String: Int] ?? [:]
            let bytes = (try? FileManager.default.attributesOfItem(atPath: directory + "/pack.zip")[.size] as? Int) ?? 0
            let pages = counts["pages"] ?? 0
            print(String(format: "%-11d %-6d %-8.2f %-8.2f %-8d %-8.0f %-7d %-9.1f %-9.1f (%.1f)%@", n, rooms, b.wall, b.wall / reference, pages, Double(pages) / b.wall,
                         counts["files"] ?? 0, Double(b.peak) / 1024, Double(bytes) / 1_048_576, generation,
                         b.status <= 1 ? "" : "  exit \(b.status)"))
        }
    }
}
