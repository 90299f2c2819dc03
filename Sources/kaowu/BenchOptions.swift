import ArgumentParser
import Foundation
import Support
import Synthetic

/// Options of every `kaowu bench` command: the data cache and how often each size is run.
struct BenchOptions: ParsableArguments {
    @Option(name: .long, help: "合成数据的缓存目录")
    var data: String = "bench-data"

    @Option(name: .long, help: "每个规模重复次数（取最快一次）")
    var repeats: Int = 1

    /// Range check, in the command's message language (called from the command's `validate()`).
    func check(_ l: Language) throws {
        try OptionCheck.range(repeats, 1...100, "--repeats", l)
    }

    /// The synthetic roster and photos of `n` candidates, each registered for `subjects` subjects (made once,
    /// then cached in `--data`), and the seconds making them took (0 when cached).
    func dataset(rows n: Int, subjects: Int = 1) throws -> (directory: String, generation: Double) {
        let directory = subjects == 1 ? "\(data)/\(n)" : "\(data)/\(n)x\(subjects)"
        guard !FileManager.default.fileExists(atPath: directory + "/photos.zip") else { return (directory, 0) }
        let start = Date()
        try BenchmarkDataset.write(rows: n, to: directory, subjects: subjects)
        return (directory, Date().timeIntervalSince(start))
    }

    /// Measures the reference workload (`ReferenceWorkload`) and prints it: the yardstick of this run.
    func reference() throws -> Double {
        let seconds = try ReferenceWorkload.measure(directory: data, repeats: max(2, repeats))
        print(String(format: "reference: %d plain Cairo pages (a photo and a line each, one thread) in %.2f s — the column × ref is a figure divided by it",
                     ReferenceWorkload.pages, seconds))
        return seconds
    }
}
