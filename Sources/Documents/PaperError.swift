import Support

/// A paper setting that does not fit the template it is used with (`paper.invalid`): a ticket paper the
/// ticket's size does not suit, label stock of another size than the template's labels, printing both sides
/// of a template without a back, a starting position outside the sheet or on a document with one record to
/// a sheet. The setting is named where the message is shown (`--start`, `paper.labels`).
public struct PaperError: Error, Diagnostic, CustomStringConvertible {
    /// The setting at fault.
    public enum Setting: String, Sendable {
        case ticket, duplex, labels, offset, start
    }

    public let setting: Setting
    public let text: LocalizedText

    public init(_ setting: Setting, zh: String, en: String) {
        self.setting = setting
        text = LocalizedText(zh: zh, en: en)
    }

    public static let paperCode = "paper.invalid"
    public var code: String { Self.paperCode }
    public var facts: DiagnosticFacts { DiagnosticFacts(key: setting.rawValue) }
    public func message(_ language: Language) -> String { text.pick(language) }
    public var description: String { text.en }
}
