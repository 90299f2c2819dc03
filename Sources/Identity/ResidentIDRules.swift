import Support

/// 居民身份证 (18 characters, or legacy 15 digits) and 港澳台居民居住证 (18 characters, region 81/82/83 0000):
/// GB 11643 layout — 6 region digits, 8 birth-date digits, 3 sequence digits (odd = male), check character.
enum ResidentIDRules {
    static let permitRegions: [Int: (zh: String, en: String)] = [
        810000: ("香港", "Hong Kong"), 820000: ("澳门", "Macao"), 830000: ("台湾", "Taiwan"),
    ]

    static func check(_ cleaned: String, _ input: [UInt8], kind: IDKind, today: CivilDate) -> IdentityCheck {
        var b = input
        var issues: [IdentityIssue] = []
        if kind == .residentID && b.count == 15 && IDBytes.allDigits(b, 0..<15) {
            b = LegacyIDConversion.convert(b)
            issues.append(IdentityMessages.legacy15(String(decoding: b, as: UTF8.self)))
        }
        let normalized = issues.isEmpty ? cleaned : String(decoding: b, as: UTF8.self)
        if let problem = formatProblem(cleaned, b, kind: kind) {
            return IdentityCheck(kind: kind, normalized: normalized, issues: issues + [problem])
        }
        let expected = IDBytes.checkByte(b)!
        if b[17] != expected {
            issues.append(IdentityMessages.checksum(kind, expected: expected, actual: b[17]))
        }
        let (birthDate, dateIssue) = BirthDateRule.check(b, at: 6, today: today)
        if let dateIssue { issues.append(dateIssue) }
        let code = IDBytes.number(b, 0..<6)
        var regionName: String?
        if kind == .residencePermit {
            regionName = RegionCodes.shared.fullName(key: code, year: today.year)
        } else {
            let year = birthDate?.year ?? today.year
            regionName = RegionCodes.shared.fullName(key: code, year: year)
            if let regionIssue = RegionRule.check(code: code, birthDate: birthDate, today: today) {
                issues.append(regionIssue)
            }
        }
        let ok = !issues.contains { $0.severity == .error }
        return IdentityCheck(kind: kind, normalized: normalized, birthDate: ok ? birthDate : nil,
                             gender: ok ? IDBytes.gender(b[16]) : nil, regionName: regionName, issues: issues)
    }

    /// Length, characters, and (for residence permits) the region prefix.
    private static func formatProblem(_ cleaned: String, _ b: [UInt8], kind: IDKind) -> IdentityIssue? {
        let zh = kind.displayName(.zh), en = kind.displayName(.en)
        if b.count != 18 {
            let length = cleaned.count
            let legacy = kind == .residentID
            return IdentityMessages.format(
                zh: "\(zh)号码应为 18 位\(legacy ? "（或旧版 15 位数字）" : "")，实际为 \(length) 位",
                en: "a \(en) number has 18 characters\(legacy ? " (or a legacy 15-digit number)" : ""); this one has \(length)")
        }
        if let bad = IDBytes.firstNonDigit(b, 0..<17) {
            let char = String(decoding: [b[bad]], as: UTF8.self)
            return IdentityMessages.format(
                zh: "\(zh)号码第 \(bad + 1) 位“\(char)”应为数字（只有最后一位可以是 X）",
                en: "character \(bad + 1) (\"\(char)\") of a \(en) number must be a digit (only the last may be X)")
        }
        if !IDBytes.isDigit(b[17]) && b[17] != UInt8(ascii: "X") {
            let char = String(decoding: [b[17]], as: UTF8.self)
            return IdentityMessages.format(
                zh: "\(zh)号码最后一位“\(char)”应为数字或 X",
                en: "the last character (\"\(char)\") of a \(en) number must be a digit or X")
        }
        if kind == .residencePermit && permitRegions[IDBytes.number(b, 0..<6)] == nil {
            return IdentityMessages.format(
                zh: "港澳台居民居住证号码应以 810000（香港）、820000（澳门）或 830000（台湾）开头，实际为 \(String(decoding: b[0..<6], as: UTF8.self))；如是内地居民，请把证件类型改为居民身份证",
                en: "a residence permit number starts with 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan), not \(String(decoding: b[0..<6], as: UTF8.self)); for a mainland resident set the document type to resident ID")
        }
        return nil
    }
}
