import Foundation
import Support

/// The page's language: `?lang=en|zh` first, then the first of English or Chinese in `Accept-Language`
/// (by quality), Chinese when neither is asked for.
enum PageLanguage {
    static func pick(query: String?, acceptLanguage: String?) -> Language {
        if let query, let language = Language(rawValue: query.lowercased()) { return language }
        guard let accept = acceptLanguage, accept.count <= 512 else { return .zh }
        var best: (Language, Double)?
        for (order, part) in accept.split(separator: ",").enumerated() {
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = fields.first?.lowercased() else { continue }
            let language: Language? = tag.hasPrefix("en") ? .en : tag.hasPrefix("zh") ? .zh : nil
            guard let language else { continue }
            var quality = 1.0
            for field in fields.dropFirst() where field.hasPrefix("q=") { quality = Double(field.dropFirst(2)) ?? 0 }
            let score = quality - Double(order) * 0.0001
            if quality > 0, best == nil || score > best!.1 { best = (language, score) }
        }
        return best?.0 ?? .zh
    }
}
