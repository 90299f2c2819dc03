internal import CCairo
import Support

/// A failure creating or writing a PDF (`render.failed`), in Cairo's words in both languages.
public struct RenderError: Error, Diagnostic, CustomStringConvertible {
    public let description: String
    public init(description: String) { self.description = description }
    public var code: String { "render.failed" }
    public func message(_ language: Language) -> String { description }
}
