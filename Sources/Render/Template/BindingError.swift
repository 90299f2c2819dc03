import Foundation
import Support

/// A field binding that cannot be parsed (`template.invalid`); the template loader adds the place.
public struct BindingError: Error, Diagnostic {
    public let text: LocalizedText

    init(zh: String, en: String) { text = LocalizedText(zh: zh, en: en) }

    public var code: String { TemplateError.templateCode }
    public func message(_ language: Language) -> String { text.pick(language) }
}
