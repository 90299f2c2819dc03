import ArgumentParser
import Foundation
import Documents
import Synthetic
#if canImport(Glibc)
import Glibc
#endif

/// `kaowu bench validate`: generates synthetic rosters with photo archives (cached) and times
/// `kaowu validate` on them in a child process, reporting wall time, rows/s and the child's peak memory.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "性能测试：kaowu bench validate --rows 10000,100000")

    @Argument(help: "要测的命令（目前为 validate）")
    var what: String

    @Option(name: .long, help: "行数，逗号分隔")
    var rows: String = "10000,100000"

    @Option(name: .long, help: "合成数据的缓存目录")
    var data: String = "bench-data"

    @Option(name: .long, help: "每个规模重复次数（取最快一次）")
    var repeats: Int = 1

    @Option(name: .long, help: "render：准考证页数")
    var pages: Int = 10_000

    @Option(name: .long, help: "render：线程数（默认全部 CPU 核）")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "render：每个 PDF 文件的页数（默认 1000）")
    var chunk: Int?

    func validate() throws {
        try OptionCheck.range(repeats, 1...100, "--repeats", .zh)
        try OptionCheck.range(pages, 1...10_000_000, "--pages", .zh)
        try OptionCheck.range(threads, OptionCheck.threads, "--threads", .zh)
        if let chunk { try OptionCheck.range(chunk, 1...10_000_000, "--chunk", .zh) }
    }

    func run() throws {
        if what == "render" {
            try benchRender()
            return
        }
        if what == "pack" {
            try benchPack()
            return
        }
        guard what == "validate" else {
            printError("kaowu bench: 未知的测试 “\(what)”（可用：validate、render、pack）")
            throw ExitStatus.usage
        }
        let sizes = try requestedSizes()
        print("kaowu bench validate — \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print("rows      photos    wall s   rows/s     peak MB   (generation s)")
        for n in sizes {
            let (directory, generation) = try dataset(rows: n)
            var best: (wall: Double, peak: Int, status: Int32)?
            for _ in 0..<max(1, repeats) {
                let result = try measure(executable, ["validate", "--roster", directory + "/roster.xlsx", "--photos", directory + "/photos.zip",
                                                      "--json", "--today", "2026-11-22"])
                if best == nil || result.wall < best!.wall { best = result }
            }
            let b = best!
            print(String(format: "%-9d %-9d %-8.2f %-10.0f %-9.1f (%.1f)%@", n, n, b.wall, Double(n) / b.wall,
                         Double(b.peak) / 1024, generation, b.status == 0 ? "" : "  exit \(b.status)"))
        }
    }

    /// Makes full print packs of synthetic exams (`bench-data/N/pack.yaml`, rooms of 30 for every mode) in a
    /// child process and prints wall time, pages/s, files and peak memory.
    private func benchPack() throws {
        let sizes = try requestedSizes()
        print("kaowu bench pack — \(threads) threads, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print("candidates  rooms  wall s   pages    pages/s  files   peak MB   pack MB   (generation s)")
        for n in sizes {
            let (directory, generation) = try dataset(rows: n)
            let job = directory + "/pack.yaml"
            let rooms = try PackBenchmarkJob.write(candidates: n, to: job)
            var best: (wall: Double, peak: Int, status: Int32)?
            for _ in 0..<max(1, repeats) {
                let result = try measure(executable, ["pack", job, "--out", directory + "/pack", "--threads", String(threads)])
                if best == nil || result.wall < best!.wall { best = result }
            }
            let b = best!
            let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/pack/manifest.json"))) as? [String: Any]
            let counts = manifest?["counts"] as? [String: Int] ?? [:]
            let bytes = (try? FileManager.default.attributesOfItem(atPath: directory + "/pack.zip")[.size] as? Int) ?? 0
            let pages = counts["pages"] ?? 0
            print(String(format: "%-11d %-6d %-8.2f %-8d %-8.0f %-7d %-9.1f %-9.1f (%.1f)%@", n, rooms, b.wall, pages, Double(pages) / b.wall,
                         counts["files"] ?? 0, Double(b.peak) / 1024, Double(bytes) / 1_048_576, generation,
                         b.status <= 1 ? "" : "  exit \(b.status)"))
        }
    }

    /// The sizes asked for with `--rows`.
    private func requestedSizes() throws -> [Int] {
        let sizes = rows.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !sizes.isEmpty else { throw ExitStatus.usage }
        return sizes
    }

    /// The synthetic roster and photos of `n` candidates (made once, then cached in `--data`), and the
    /// seconds making them took (0 when cached).
    private func dataset(rows n: Int) throws -> (directory: String, generation: Double) {
        let directory = "\(data)/\(n)"
        guard !FileManager.default.fileExists(atPath: directory + "/photos.zip") else { return (directory, 0) }
        let start = Date()
        try BenchmarkDataset.write(rows: n, to: directory)
        return (directory, Date().timeIntervalSince(start))
    }

    private var executable: String {
        CommandLine.arguments[0].contains("/")
            ? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
            : (Bundle.main.executablePath ?? CommandLine.arguments[0])
    }

    /// Renders admission tickets on all cores and prints pages/s and peak memory.
    private func benchRender() throws {
        guard let template = BuiltInTemplates.path(for: "admission-ticket") else {
            printError("kaowu bench: 找不到内置模板 admission-ticket")
            throw ExitStatus.usage
        }
        let directory = "\(data)/render-\(pages)"
        let prepare = Date()
        try RenderBenchmark.prepare(count: pages, directory: directory)
        let prepared = Date().timeIntervalSince(prepare)
        print("kaowu bench render — admission tickets, \(threads) threads, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print("pages     wall s   pages/s   peak MB   files  output MB   (photos prepared in s)")
        var best: RenderBenchmark.Result?
        for _ in 0..<max(1, repeats) {
            let result = try RenderBenchmark.run(templatePath: template, pages: pages, directory: directory, threads: threads, chunk: chunk)
            if best == nil || result.seconds < best!.seconds { best = result }
        }
        let b = best!
        print(String(format: "%-9d %-8.2f %-9.0f %-9.1f %-6d %-11.1f (%.1f)", b.pages, b.seconds, Double(b.pages) / b.seconds,
                     b.peakMegabytes, b.files, Double(b.bytes) / 1_048_576, prepared))
    }

    /// Runs `executable` with `arguments` (output discarded) and returns its wall time, peak RSS (KiB) and status.
    private func measure(_ executable: String, _ arguments: [String]) throws -> (wall: Double, peak: Int, status: Int32) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = Date()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            printError("kaowu bench: cannot start \(executable): \(String(cString: strerror(spawned)))")
            throw ExitStatus.usage
        }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let wall = Date().timeIntervalSince(start)
        return (wall, usage.ru_maxrss, (status >> 8) & 0xFF)
    }
}
