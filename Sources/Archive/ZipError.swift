import Support
import CZip
#if canImport(Glibc)
import Glibc
#endif

/// Errors from reading a zip archive, with libzip's own words (the same in both languages).
public enum ZipError: Error, Diagnostic, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case cannotRead(entry: String, reason: String)
    case tooLarge(entry: String, limit: Int)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "\(path): \(reason)"
        case .cannotRead(let entry, let reason): return "\(entry): \(reason)"
        case .tooLarge(let entry, let limit): return "\(entry): larger than \(limit) bytes"
        }
    }

    /// `archive.unreadable`, or `archive.too-large` for an entry over its limit.
    public var code: String {
        if case .tooLarge = self { return "archive.too-large" }
        return "archive.unreadable"
    }

    public var facts: DiagnosticFacts {
        switch self {
        case .cannotOpen(let path, _): return DiagnosticFacts(file: path)
        case .cannotRead(let entry, _), .tooLarge(let entry, _): return DiagnosticFacts(entry: entry)
        }
    }

    public func message(_ language: Language) -> String { description }

    /// The error for a failed `zip_open` of `path` with libzip's error `code`.
    static func opening(_ path: String, code: Int32) -> ZipError {
        var error = zip_error_t()
        zip_error_init_with_code(&error, code)
        defer { zip_error_fini(&error) }
        return .cannotOpen(path: path, reason: String(cString: zip_error_strerror(&error)))
    }
}
