import Foundation
import Support

/// What every page carries around its content: the language, the link to the page in the other language,
/// the service's name and the style sheet.
struct PageChrome {
    var language: Language
    /// The page's own path (without query), for the language link.
    var path: String

    func values(title: String) -> [String: Any] {
        let l = language
        let other: Language = l == .zh ? .en : .zh
        return [
            "htmlLang": l == .zh ? "zh-CN" : "en",
            "title": title,
            "style": PageStyle.css,
            "serviceName": l.pick("证书查验", "Certificate verification"),
            "otherLanguage": other == .en ? "English" : "中文",
            "otherLanguageLink": path + "?lang=" + other.rawValue,
            "langQuery": "?lang=" + l.rawValue,
        ]
    }
}
