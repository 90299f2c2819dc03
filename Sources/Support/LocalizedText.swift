/// A message in both languages, kept as the check made it; the edge (command line, report writer, web
/// request) picks one with `pick(_:)`.
public struct LocalizedText: Sendable, Hashable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The same text in both languages (a file name, a library's own English words).
    public init(_ both: String) {
        zh = both
        en = both
    }

    /// The wording in `language`.
    @inlinable public func pick(_ language: Language) -> String { language == .zh ? zh : en }

    /// Both wordings with `transform` applied to each (with its language).
    public func map(_ transform: (Language, String) -> String) -> LocalizedText {
        LocalizedText(zh: transform(.zh, zh), en: transform(.en, en))
    }
}
