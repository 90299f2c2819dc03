import Foundation
import TestTools

/// The built `kaowu serve` running as a child process on a free port (`--port 0`), the port read from its
/// first line; stopped with SIGTERM.
final class ServeProcess {
    let process: Process
    let port: Int
    /// The rest of its standard output.
    let output: FileHandle

    struct DidNotStart: Error { var output: String }

    init(registry: String, trust: String, _ extra: [String] = []) throws {
        process = Process()
        process.executableURL = Kaowu.root.appendingPathComponent(".build/debug/kaowu")
        process.arguments = ["serve", "--registry", registry, "--trust", trust, "--port", "0"] + extra
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "http://127.0.0.1:"), let port = Int(text[range.upperBound...].prefix { $0.isNumber }) else {
            process.terminate()
            throw DidNotStart(output: text)
        }
        self.port = port
        output = out.fileHandleForReading
    }

    /// SIGTERM, then waits for the exit.
    func stop() {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }
}
