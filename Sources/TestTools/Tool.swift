import Foundation

/// Runs the command-line tools tests check output with (poppler-utils, qpdf, zbar-tools): standard output
/// only (zbarimg complains about D-Bus on standard error).
public enum Tool {
    @discardableResult
    public static func run(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A new empty folder for one test.
    public static func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaowu-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
