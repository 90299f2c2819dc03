import Foundation

/// One file that each fuzz input is written to, for readers that take a path. It lives in /dev/shm when
/// there is one (no disk writes at a million inputs), named after the process so parallel jobs do not share it.
public final class ScratchFile: Sendable {
    /// The file's path; its extension is the one given to `init`.
    public let path: String

    /// A scratch file whose name ends in `suffix` (e.g. `.xlsx`).
    public init(suffix: String) {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        path = "\(folder)/kaowu-fuzz-\(getpid())\(suffix)"
    }

    /// Replaces the file's content with `bytes`.
    public func write(_ bytes: UnsafeRawBufferPointer) {
        guard let file = fopen(path, "wb") else { fatalError("cannot write \(path)") }
        if let base = bytes.baseAddress, bytes.count > 0 { _ = fwrite(base, 1, bytes.count, file) }
        fclose(file)
    }

    deinit { unlink(path) }
}
