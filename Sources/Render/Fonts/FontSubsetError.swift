internal import CCairo
import Foundation
import Support
import Synchronization

/// A failure preparing a job's fonts (`render.fonts`), in the font libraries' words in both languages.
public struct FontSubsetError: Error, Diagnostic, CustomStringConvertible {
    public let description: String
    public var code: String { "render.fonts" }
    public func message(_ language: Language) -> String { description }
}
