import Foundation
import Synchronization

/// Where the service writes its access log: one JSON object per line (time, method, route template,
/// status, milliseconds, client). Lines never hold a code, a query, a body or an ID number: the route is
/// the template (`/1/{code}`), not the path.
public final class AccessLog: Sendable {
    private let handle: FileHandle?
    private let collecting: Bool
    private let lines = Mutex([String]())
    private let lock = Mutex(())

    private init(handle: FileHandle?, collecting: Bool) {
        self.handle = handle
        self.collecting = collecting
    }

    /// Lines on standard error.
    public static let standardError = AccessLog(handle: FileHandle.standardError, collecting: false)
    /// No log.
    public static let none = AccessLog(handle: nil, collecting: false)
    /// Lines kept in memory (tests read them with `collected`).
    public static func collecting() -> AccessLog { AccessLog(handle: nil, collecting: true) }

    /// Lines appended to the file at `path` (created 0640 when missing).
    public static func file(_ path: String) throws -> AccessLog {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o640]) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        return AccessLog(handle: handle, collecting: false)
    }

    /// The lines written so far, for a collecting log.
    public var collected: [String] { lines.withLock { $0 } }

    /// One request.
    public struct Entry: Encodable {
        var time: String
        var method: String
        var route: String
        var status: Int
        var ms: Double
        var client: String
    }

    /// Whether lines go anywhere.
    var isEnabled: Bool { handle != nil || collecting }

    func write(_ entry: Entry) {
        guard handle != nil || collecting else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(entry), let line = String(data: data, encoding: .utf8) else { return }
        if collecting { lines.withLock { $0.append(line) } }
        if let handle { lock.withLock { _ in handle.write(Data((line + "\n").utf8)) } }
    }
}
