import Foundation
import Support

/// A lookup's question: a certificate number and the holder's ID number or name, from JSON
/// (`{"number": …, "id": …}` or `{"number": …, "name": …}`) or a form (`number=…&id=…&name=…`). Values are
/// trimmed; empty ones count as absent; over-long ones make the query incomplete.
struct LookupQuery: Equatable {
    var number: String
    var id: String?
    var name: String?

    static let empty = LookupQuery(number: "", id: nil, name: nil)

    /// A number and an ID number or name, none longer than `ServerLimits.maxLookupField`.
    var isComplete: Bool {
        let fields = [number, id ?? "", name ?? ""]
        return !number.isEmpty && (id != nil || name != nil) && fields.allSatisfy { $0.count <= ServerLimits.maxLookupField }
    }

    static func parse(body: [UInt8], contentType: String?) -> LookupQuery? {
        let type = (contentType ?? "").lowercased()
        var fields: [String: String] = [:]
        if type.hasPrefix("application/json") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return nil }
            for key in ["number", "id", "name"] { if let value = object[key] as? String { fields[key] = value } }
        } else if type.hasPrefix("application/x-www-form-urlencoded") {
            guard let text = String(bytes: body, encoding: .utf8) else { return nil }
            for pair in text.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2 else { continue }
                let decode = { (s: Substring) in String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
                if let key = decode(parts[0]), ["number", "id", "name"].contains(key), let value = decode(parts[1]) { fields[key] = value }
            }
        } else {
            return nil
        }
        func clean(_ key: String) -> String? {
            guard let value = fields[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
            return value
        }
        return LookupQuery(number: clean("number") ?? "", id: clean("id"), name: clean("name"))
    }
}
