import Identity
import Roster
import Support

/// Recognises an ID number that Excel stored as a number, which loses every digit past the 15th:
/// a numeric cell, scientific notation such as `1.10101E+17`, or 18 digits ending in 000 whose check fails.
enum NumberDamage {
    /// Excel keeps 15 significant digits of a number.
    static let significantDigits = 15

    /// The damage, when the value is a damaged number; nil when the cell looks like a real number.
    static func detect(_ value: CellValue, kind: IDKind) -> DamagedID? {
        switch value {
        case .number(let d):
            // A 15-digit legacy number survives as a number (it fits in a double exactly).
            if d == d.rounded(), d >= 1e14, d < 1e15 { return nil }
            let shown = CellValue.format(d)
            let digits = shown.allSatisfy(\.isNumber) ? String(shown.prefix(significantDigits)) : ""
            return DamagedID(shown: shown, survivingDigits: digits, length: shown.count)
        case .text(let raw):
            let s = TextCleaner.documentNumber(raw)
            if let scientific = scientific(s) { return scientific }
            if kind == .residentID, s.count == 18, s.hasSuffix("000"), s.allSatisfy(\.isNumber),
               let expected = IdentityValidator.checkCharacter(for: s.prefix(17)), expected != s.last {
                return DamagedID(shown: s, survivingDigits: String(s.prefix(significantDigits)), length: s.count)
            }
            return nil
        default:
            return nil
        }
    }

    /// `1.10105E+17` as a damaged number (its mantissa's digits survived, the exponent gives the length);
    /// nil when `s` is not in scientific notation.
    static func scientific(_ s: String) -> DamagedID? {
        guard let e = s.firstIndex(of: "E") else { return nil }
        let mantissa = s[..<e], exponent = s[s.index(after: e)...].drop(while: { $0 == "+" })
        guard !mantissa.isEmpty, mantissa.allSatisfy({ $0.isNumber || $0 == "." }), !exponent.isEmpty,
              exponent.allSatisfy(\.isNumber), let power = Int(exponent), power < 100 else { return nil }
        let digits = String(mantissa.filter(\.isNumber).drop(while: { $0 == "0" }))
        return DamagedID(shown: s, survivingDigits: String(digits.prefix(significantDigits)), length: power + 1)
    }
}
