import ArgumentParser
import Documents
import Foundation
import Synthetic

/// `kaowu bench render`: renders admission tickets, each with its own photo, on all cores and prints
/// pages/s and peak memory.
struct BenchRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "准考证的生成速度和内存：kaowu bench render --pages 10000")

    @Option(name: .long, help: "准考证页数")
    var pages: Int = 10_000

    @Option(name: .long, help: "每个 PDF 文件的页数（默认 1000）")
    var chunk: Int?

    @OptionGroup
    var bench: BenchOptions

    @OptionGroup
    var threads: ThreadOptions

    @OptionGroup
    var global: GlobalOptions

    func validate() throws {
        let l = global.language
        try bench.check(l)
        try OptionCheck.range(pages, 1...10_000_000, "--pages", l)
        try threads.check(l)
        if let chunk { try OptionCheck.range(chunk, 1...10_000_000, "--chunk", l) }
    }

    func run() throws {
        guard let template = BuiltInTemplates.path(for: "admission-ticket") else {
            printError(global.language.pick("kaowu bench：找不到内置模板 admission-ticket", "kaowu bench: the built-in template admission-ticket is missing"))
            throw ExitStatus.usage
        }
        let threads = threads.count
        let directory = "\(bench.data)/render-\(pages)"
        let prepare = Date()
        try RenderBenchmark.prepare(count: pages, directory: directory)
        let prepared = Date().timeIntervalSince(prepare)
        print("kaowu bench render — admission tickets, \(threads) threads, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        let reference = try bench.reference()
        print("pages     wall s   × ref    pages/s   peak MB   files  output MB   (photos prepared in s)")
        var best: RenderBenchmark.Result?
        for _ in 0..<bench.repeats {
            let result = try RenderBenchmark.run(templatePath: template, pages: pages, directory: directory, threads: threads, chunk: chunk)
            if best == nil || result.seconds < best!.seconds { best = result }
        }
        let b = best!
        print(String(format: "%-9d %-8.2f %-8.2f %-9.0f %-9.1f %-6d %-11.1f (%.1f)", b.pages, b.seconds, b.seconds / reference, Double(b.pages) / b.seconds,
                     b.peakMegabytes, b.files, Double(b.bytes) / 1_048_576, prepared))
    }
}
