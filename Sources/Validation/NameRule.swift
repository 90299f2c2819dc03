import Identity
import Roster
import Support

/// What a person's name may contain: Chinese characters, Latin letters (foreign names), the middle dot
/// and single spaces; 1 to 40 characters.
enum NameRule {
    static func invalidReason(_ name: String) -> LocalizedText? {
        if name.count > 40 {
            return LocalizedText(zh: "姓名过长（\(name.count) 个字）", en: "the name is too long (\(name.count) characters)")
        }
        for scalar in name.unicodeScalars {
            let v = scalar.value
            let ok = (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x323AF).contains(v)
                || (0xF900...0xFAFF).contains(v) || (65...90).contains(v) || (97...122).contains(v)
                || scalar == "·" || scalar == " " || scalar == "." || scalar == "'"
                || (0xC0...0x24F).contains(v)   // Latin letters with accents
            if !ok {
                return LocalizedText(zh: "姓名含有不应出现的字符“\(scalar)”", en: "the name contains an unexpected character \"\(scalar)\"")
            }
        }
        if name.first == "·" || name.last == "·" {
            return LocalizedText(zh: "姓名的间隔号“·”不能在开头或结尾", en: "the name cannot start or end with the middle dot")
        }
        return nil
    }
}
