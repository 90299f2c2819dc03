import Foundation
import Synchronization

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

    /// zbarimg looking for QR codes only, as kaowu's scanner and a verifier's phone do. With every
    /// symbology on, zbarimg now and then also "reads" a short barcode in a certificate's fine lines
    /// (CI once saw `345818` after the code), which is noise, not the page's content.
    @discardableResult
    public static func zbarimgQR(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try run("zbarimg", ["-Sdisable", "-Sqrcode.enable"] + arguments)
    }

    /// A new empty folder for one test.
    public static func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaowu-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// Runs the built `kaowu` (debug build of this checkout) as a user would: arguments, extra environment,
/// and its exit status, standard output and standard error.
public enum Kaowu {
    /// The checkout this file belongs to.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @discardableResult
    public static func run(_ arguments: [String], environment: [String: String] = [:], in directory: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = make(arguments, environment: environment, in: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes are drained at once, so a chatty process never blocks on a full pipe.
        let errData = Mutex(Data())
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errData.withLock { $0 = err.fileHandleForReading.readDataToEndOfFile() } }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData.withLock { $0 }, as: UTF8.self))
    }

    /// Starts `kaowu` in the background, its output discarded; the caller waits for it (or kills it).
    public static func start(_ arguments: [String], environment: [String: String] = [:], in directory: String? = nil,
                             errors: FileHandle = .nullDevice) throws -> Process {
        let process = make(arguments, environment: environment, in: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        return process
    }

    private static func make(_ arguments: [String], environment: [String: String], in directory: String?) -> Process {
        let process = Process()
        process.executableURL = root.appendingPathComponent(".build/debug/kaowu")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        return process
    }
}
