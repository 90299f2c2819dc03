import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a path names, for checking outputs and inputs before use: one place that resolves paths and
/// tells a file from a folder or a device.
public enum FilePath {
    /// What is at a path (symbolic links followed).
    public enum Kind: Sendable, Equatable {
        case missing, folder, regular
        /// A device, pipe or socket: nothing kaowu reads or replaces.
        case special
    }

    /// The kind of what `path` names.
    public static func kind(of path: String) -> Kind {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return .missing }
        if isFolder.boolValue { return .folder }
        return (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType == .typeRegular ? .regular : .special
    }

    /// `path` made absolute (from the current folder), with symbolic links, `.` and `..` resolved as far as
    /// it exists; the rest appended as written. Two paths naming the same file resolve to the same text.
    public static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let standard = (absolute as NSString).standardizingPath
        var existing = standard
        var rest: [String] = []
        func real(_ path: String) -> String? {
            guard let pointer = realpath(path, nil) else { return nil }
            defer { free(pointer) }
            return String(cString: pointer)
        }
        while true {
            if let resolved = real(existing) {
                return rest.reduce(resolved) { ($0 as NSString).appendingPathComponent($1) }
            }
            guard existing != "/", !existing.isEmpty else { return standard }
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
    }
}
