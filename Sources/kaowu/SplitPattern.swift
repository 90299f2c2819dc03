import Foundation
import Support

/// `render --split '{证书编号}.pdf'`: one file name per record, from literal text and `{field}` placeholders
/// (any field the document has: roster fields and header texts, `--set` values, `row.index`). Names are
/// made safe for every common file system: `/ \ : * ? " < > |` and control characters become `_`, leading
/// dots and spaces and trailing dots and spaces are dropped, Windows device names (CON, NUL, …) get a `_`,
/// and a name is cut to `maxBytes` bytes of UTF-8, keeping `.pdf`.
struct SplitPattern {
    enum Part: Equatable {
        case literal(String)
        case field(String)
    }

    let parts: [Part]

    /// The longest name written, in bytes of UTF-8 (255 is the limit of most file systems; the temporary
    /// name written first adds 20).
    static let maxBytes = 200

    /// Why a pattern cannot be used.
    struct Mistake: Error {
        let text: LocalizedText
    }

    /// Parses `text`; the reason when malformed.
    static func parse(_ text: String) -> Result<SplitPattern, Mistake> {
        var parts: [Part] = []
        let (pieces, unclosed) = PlaceholderText.pieces(of: text, open: "{", close: "}")
        for piece in pieces {
            switch piece {
            case .literal(let literal): parts.append(.literal(literal))
            case .placeholder(let inside):
                let name = inside.trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty, !name.contains("{") else { return .failure(Mistake(text: LocalizedText(zh: "空的 {}", en: "an empty {}"))) }
                parts.append(.field(name))
            }
        }
        if unclosed { return .failure(Mistake(text: LocalizedText(zh: "“{”没有对应的“}”", en: "\"{\" without \"}\""))) }
        let literal = parts.compactMap { if case .literal(let text) = $0 { return text } else { return nil } }.joined()
        if literal.contains("}") { return .failure(Mistake(text: LocalizedText(zh: "“}”没有对应的“{”", en: "\"}\" without \"{\""))) }
        if literal.contains("/") || literal.contains("\\") {
            return .failure(Mistake(text: LocalizedText(zh: "文件名中不能有 / 或 \\（所有文件写在 --out 文件夹中）", en: "no / or \\ in a name (every file goes into the --out folder)")))
        }
        guard parts.contains(where: { if case .field = $0 { return true } else { return false } }) else {
            return .failure(Mistake(text: LocalizedText(zh: "至少需要一个 {字段}，如 {证书编号}.pdf 或 {row.index}-{name}.pdf", en: "at least one {field} is needed, e.g. {certificate}.pdf or {row.index}-{name}.pdf")))
        }
        return .success(SplitPattern(parts: parts))
    }

    /// The fields the pattern uses.
    var fields: [String] {
        parts.compactMap { if case .field(let name) = $0 { return name } else { return nil } }
    }

    /// The fields of the pattern without a value in `values`.
    func blankFields(_ values: [String: String]) -> [String] {
        fields.filter { (values[$0] ?? "").allSatisfy(\.isWhitespace) }
    }

    /// The file name for a record's `values`: safe, ending in `.pdf`, at most `maxBytes` bytes.
    func name(_ values: [String: String]) -> String {
        var text = parts.map { part -> String in
            switch part {
            case .literal(let text): return text
            case .field(let name): return values[name] ?? ""
            }
        }.joined()
        if text.lowercased().hasSuffix(".pdf") { text = String(text.dropLast(4)) }
        return Self.safe(text) + ".pdf"
    }

    /// `stem` made safe for a file name (without its extension).
    static func safe(_ stem: String) -> String {
        let unsafe: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
        var text = String(stem.map { character -> Character in
            let control = character.unicodeScalars.contains { CharacterSet.controlCharacters.contains($0) }
            return unsafe.contains(character) || control ? "_" : character
        })
        while let first = text.first, first == "." || first.isWhitespace { text.removeFirst() }
        while let last = text.last, last == "." || last.isWhitespace { text.removeLast() }
        let device = text.split(separator: ".").first.map { $0.uppercased() } ?? ""
        if ["CON", "PRN", "AUX", "NUL"].contains(device) || (device.count == 4 && ["COM", "LPT"].contains(String(device.prefix(3))) && device.last!.isNumber) {
            text += "_"
        }
        while text.utf8.count > maxBytes - 4 { text.removeLast() }
        return text.isEmpty ? "_" : text
    }

    /// The form two names are compared in: file systems on USB sticks, Windows and macOS ignore case and
    /// Unicode composition, so 张三.pdf and 张三.PDF are one file there.
    static func collisionKey(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
    }
}
