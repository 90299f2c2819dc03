import Support
import CZip
#if canImport(Glibc)
import Glibc
#endif

/// Reading a file failed (it vanished, or the disk did): `file.unreadable`, in the system's words.
public struct ByteSourceError: Error, Diagnostic, CustomStringConvertible {
    public let description: String
    public var code: String { "file.unreadable" }
    public func message(_ language: Language) -> String { description }
}
