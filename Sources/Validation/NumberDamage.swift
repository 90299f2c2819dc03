import Identity
import Roster
import Support

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
