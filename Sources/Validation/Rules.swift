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

/// Mainland mobile numbers (11 digits starting with 1), optionally with +86/86; landlines with an area code.
enum PhoneRule {
    static func isPlausible(_ raw: String) -> Bool {
        var digits = raw
        if digits.hasPrefix("+86") { digits.removeFirst(3) } else if digits.hasPrefix("86") && digits.count == 13 { digits.removeFirst(2) }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        if digits.count == 11 && digits.first == "1" { return true }
        return digits.count >= 10 && digits.count <= 12 && digits.first == "0"   // 010xxxxxxxx, 0755xxxxxxxx
    }
}

/// Recognises an ID number that Excel stored as a number, which loses every digit past the 15th:
/// a numeric cell, scientific notation such as `1.10101E+17`, or 18 digits ending in 000 whose check fails.
enum NumberDamage {
    /// The value as shown, when it is a damaged number; nil when the cell looks like a real number.
    static func detect(_ value: CellValue, kind: IDKind) -> String? {
        switch value {
        case .number(let d):
            // A 15-digit legacy number survives as a number (it fits in a double exactly).
            if d == d.rounded(), d >= 1e14, d < 1e15 { return nil }
            return CellValue.format(d)
        case .text(let raw):
            let s = TextCleaner.cleanDocumentNumber(raw)
            if isScientific(s) { return s }
            if kind == .residentID, s.count == 18, s.hasSuffix("000"), s.allSatisfy(\.isNumber),
               let expected = IdentityValidator.checkCharacter(for: s.prefix(17)), expected != s.last {
                return s
            }
            return nil
        default:
            return nil
        }
    }

    static func isScientific(_ s: String) -> Bool {
        guard let e = s.firstIndex(of: "E") else { return false }
        let mantissa = s[..<e], exponent = s[s.index(after: e)...].drop(while: { $0 == "+" })
        return !mantissa.isEmpty && mantissa.allSatisfy { $0.isNumber || $0 == "." } && !exponent.isEmpty && exponent.allSatisfy(\.isNumber)
    }
}
