import Foundation

/// Drives an HTTP server with wrk (Debian's `wrk`): a fixed number of connections for a number of seconds,
/// cycling through a list of paths, and reads back its throughput and latency distribution.
struct WrkLoad {
    /// What one run measured.
    struct Result {
        var requests: Int
        var seconds: Double
        var perSecond: Double
        var p50ms: Double
        var p99ms: Double
        var maxms: Double
        /// Responses that were not 2xx or 3xx, and socket errors (connect, read, write, timeout).
        var failures: Int
    }

    var connections: Int
    var threads: Int
    var seconds: Int

    /// Whether wrk is on the PATH.
    static var isAvailable: Bool { executable != nil }

    static var executable: String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/wrk" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs wrk against `base` (`http://127.0.0.1:PORT`) requesting `paths` in turn.
    func run(base: String, paths: [String], scratch: String) throws -> Result {
        guard let wrk = Self.executable else { throw WrkMissing() }
        let list = scratch + "/wrk-paths.txt"
        try (paths.joined(separator: "\n") + "\n").write(toFile: list, atomically: true, encoding: .utf8)
        let script = scratch + "/wrk-paths.lua"
        try """
        local paths = {}
        for line in io.lines("\(list)") do paths[#paths + 1] = line end
        local i = math.random(#paths)
        request = function()
          i = i % #paths + 1
          return wrk.format("GET", paths[i])
        end
        """.write(toFile: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: wrk)
        process.arguments = ["-t", String(threads), "-c", String(connections), "-d", "\(seconds)s", "--latency", "-s", script, base]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let result = Self.parse(output) else { throw WrkFailed(output: output) }
        return result
    }

    /// Reads wrk's report (with `--latency`).
    static func parse(_ text: String) -> Result? {
        var result = Result(requests: 0, seconds: 0, perSecond: 0, p50ms: 0, p99ms: 0, maxms: 0, failures: 0)
        for raw in text.split(separator: "\n") {
            let words = raw.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let first = words.first else { continue }
            switch first {
            case "50%": result.p50ms = milliseconds(words[safe: 1]) ?? 0
            case "99%": result.p99ms = milliseconds(words[safe: 1]) ?? 0
            case "Latency" where words.count >= 4: result.maxms = milliseconds(words[3]) ?? 0
            case "Requests/sec:": result.perSecond = Double(words[safe: 1] ?? "") ?? 0
            case "Non-2xx": result.failures += Int(words.last ?? "") ?? 0
            case "Socket":
                // Socket errors: connect 0, read 0, write 0, timeout 0
                result.failures += words.compactMap { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: ","))) }.reduce(0, +)
            default:
                if words.count >= 4, words[1] == "requests", words[2] == "in", let n = Int(first) {
                    result.requests = n
                    result.seconds = seconds(String(words[3].dropLast())) ?? 0
                }
            }
        }
        return result.requests > 0 ? result : nil
    }

    /// `812.00us`, `1.23ms`, `2.00s` in milliseconds.
    static func milliseconds(_ text: String?) -> Double? {
        guard let text else { return nil }
        for (unit, factor) in [("us", 0.001), ("ms", 1.0), ("m", 60_000.0), ("s", 1000.0)] where text.hasSuffix(unit) {
            return Double(text.dropLast(unit.count)).map { $0 * factor }
        }
        return nil
    }

    static func seconds(_ text: String) -> Double? { milliseconds(text).map { $0 / 1000 } }

    struct WrkMissing: Error {}
    struct WrkFailed: Error { var output: String }
}

private extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
