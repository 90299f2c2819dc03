import ArgumentParser
import Foundation
import Support

/// `--threads N`: how many threads a command works on (default: all cores).
struct ThreadOptions: ParsableArguments {
    @Option(name: .long, help: "线程数（默认全部 CPU 核）")
    var threads: Int?

    /// The threads to start: `--threads`, else one per core.
    var count: Int { threads ?? max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Range check, in the command's message language (called from the command's `validate()`).
    func check(_ language: Language) throws {
        if let threads { try OptionCheck.range(threads, OptionCheck.threads, "--threads", language) }
    }
}
