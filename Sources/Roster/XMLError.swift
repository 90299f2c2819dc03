import Support

/// An XML document that cannot be read safely: malformed, truncated, or using a DTD (refused, so entity
/// expansion attacks such as "billion laughs" cannot happen). `file.unreadable`, in English in both languages.
public struct XMLError: Error, Diagnostic, CustomStringConvertible {
    public let description: String
    public var code: String { "file.unreadable" }
    public func message(_ language: Language) -> String { description }
}
