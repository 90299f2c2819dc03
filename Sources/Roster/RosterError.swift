import Support
import Foundation

/// A roster that cannot be read at all (`roster.unreadable`, `roster.header-missing`): the file, and why,
/// in the user's words.
public struct RosterError: Error, Diagnostic, CustomStringConvertible {
    public let code: String
    public let file: String
    public let row: Int?
    /// Chinese and English explanations.
    public let zh: String
    public let en: String

    public init(code: String = "roster.unreadable", file: String, row: Int? = nil, zh: String, en: String) {
        self.code = code
        self.file = file
        self.row = row
        self.zh = zh
        self.en = en
    }

    public var description: String { "\(file): \(en)" }

    /// Both explanations.
    public var text: LocalizedText { LocalizedText(zh: zh, en: en) }

    public var facts: DiagnosticFacts { DiagnosticFacts(file: file, row: row) }

    /// `file：explanation`.
    public func message(_ language: Language) -> String { language.pick("\(file)：\(zh)", "\(file): \(en)") }
}
