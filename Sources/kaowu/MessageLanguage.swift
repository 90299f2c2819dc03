import ArgumentParser
import Support

/// The value of `--lang`: zh (the default) or en. Any other value is a usage error naming both.
enum MessageLanguage: String, CaseIterable, ExpressibleByArgument, Sendable {
    case zh, en

    /// The library's language of the same name.
    var language: Language {
        switch self {
        case .zh: return .zh
        case .en: return .en
        }
    }
}
