/// The language of messages: Chinese (the users' language, the default) or English (`--lang en`).
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// Picks the Chinese or English wording.
    @inlinable public func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }
}
