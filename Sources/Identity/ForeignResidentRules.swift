import Support

/// 外国人永久居留身份证. 2023 version: 18 characters — 9, 2-digit province of issue, 3-digit nationality code,
/// 8-digit birth date, 3-digit sequence (odd = male), MOD 11-2 check character. Older cards: 3 letters
/// (nationality) and 12 digits, checked for format only (the layout of the digits is not published).
enum ForeignResidentRules {
    static func check(_ cleaned: String, _ b: [UInt8], today: CivilDate) -> IdentityCheck {
        let kind = IDKind.foreignPermanentResident
        if b.count == 15 && b[0..<3].allSatisfy(IDBytes.isUpper) && IDBytes.allDigits(b, 3..<15) {
            return IdentityCheck(kind: kind, normalized: cleaned)
        }
        guard b.count == 18, b[0] == UInt8(ascii: "9"), IDBytes.allDigits(b, 0..<17),
              IDBytes.isDigit(b[17]) || b[17] == UInt8(ascii: "X") else {
            return IdentityCheck(kind: kind, normalized: cleaned, issues: [IdentityMessages.format(
                zh: "外国人永久居留身份证号码应为 9 开头的 18 位（17 位数字加 1 位数字或 X，2023 版），或旧版 3 个字母加 12 位数字，实际为“\(cleaned)”",
                en: "a foreign permanent resident ID number has 18 characters starting with 9 (17 digits and a digit or X, 2023 card), or 3 letters and 12 digits (older card); got \"\(cleaned)\"")])
        }
        var issues: [IdentityIssue] = []
        let expected = IDBytes.checkByte(b)!
        if b[17] != expected {
            issues.append(IdentityMessages.checksum(kind, expected: expected, actual: b[17]))
        }
        let (birthDate, dateIssue) = BirthDateRule.check(b, at: 6, today: today)
        if let dateIssue { issues.append(dateIssue) }
        let province = IDBytes.number(b, 1..<3) * 10_000
        let regionName = RegionCodes.shared.fullName(key: province, year: today.year)
        if regionName == nil {
            let code = String(decoding: b[1..<3], as: UTF8.self)
            issues.append(IdentityMessages.region(
                zh: "第 2–3 位 \(code) 不是省级地区码（受理地），请核对号码",
                en: "characters 2–3 (\(code)) are not a province code (place of issue); check the number"))
        }
        let ok = !issues.contains { $0.severity == .error }
        return IdentityCheck(kind: kind, normalized: cleaned, birthDate: ok ? birthDate : nil,
                             gender: ok ? IDBytes.gender(b[16]) : nil, regionName: regionName, issues: issues)
    }
}
