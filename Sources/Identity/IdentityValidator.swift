import Support

/// Checks identity document numbers: the resident ID (GB 11643: MOD 11-2 check character, birth date,
/// GB/T 2260 region with its periods; legacy 15-digit numbers converted), HK/Macau/Taiwan residence
/// permits, the 2023 foreign permanent residence ID, travel permits and passports (format only).
public enum IdentityValidator {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [Character] = Array("10X98765432")

    /// GB 11643 MOD 11-2 check character of the first 17 characters (digits); nil if any is not a digit.
    public static func checkCharacter(for first17: some StringProtocol) -> Character? {
        var sum = 0
        var n = 0
        for byte in first17.utf8 {
            guard byte >= 48, byte <= 57, n < 17 else { return nil }
            sum += Int(byte - 48) * weights[n]
            n += 1
        }
        return n == 17 ? checkCharacters[sum % 11] : nil
    }

    /// Checks `number` (raw cell text, cleaned here) as a document of `kind`, relative to `today`.
    public static func check(_ number: String, kind: DocumentKind, today: CivilDate, language: Language) -> IdentityCheck {
        let cleaned = TextCleaner.cleanDocumentNumber(number)
        var report = Report(kind: kind, normalized: cleaned, language: language)
        switch kind {
        case .residentID: residentID(cleaned, today: today, &report)
        case .residencePermit: eighteen(cleaned, today: today, prefixes: ["810000", "820000", "830000"], &report)
        case .foreignPermanentResident:
            if cleaned.count == 15 {
                formatOnly(cleaned, pattern: { s in
                    let b = Array(s.utf8)
                    return b.count == 15 && b[0..<3].allSatisfy { $0 >= 65 && $0 <= 90 } && b[3...].allSatisfy { $0 >= 48 && $0 <= 57 }
                }, expected: language.pick("3 个字母加 12 位数字（旧版）或 9 开头的 18 位（2023 版）", "3 letters + 12 digits (old card) or 18 characters starting with 9 (2023 card)"), &report)
            } else {
                eighteen(cleaned, today: today, prefixes: ["9"], &report)
            }
        case .hkMacauTravelPermit:
            formatOnly(cleaned, pattern: { s in
                let b = Array(s.utf8)
                return (b.count == 9 || b.count == 11) && (b[0] == 72 || b[0] == 77) && b.dropFirst().allSatisfy { $0 >= 48 && $0 <= 57 }
            }, expected: language.pick("H 或 M 加 8 位或 10 位数字", "H or M followed by 8 or 10 digits"), &report)
        case .taiwanTravelPermit:
            formatOnly(cleaned, pattern: { s in
                let digits = s.filter { $0.isASCII && $0.isNumber }
                if s.count == 8 && digits.count == 8 { return true }
                // Legacy: 10 digits, optionally followed by a letter in parentheses: 1234567890(B).
                if digits.count == 10 && s.hasPrefix(digits) {
                    let rest = s.dropFirst(10)
                    return rest.isEmpty || (rest.count == 3 && rest.first == "(" && rest.last == ")" && rest.dropFirst().first!.isLetter)
                }
                return false
            }, expected: language.pick("8 位数字（或旧版 10 位）", "8 digits (or 10 on the old permit)"), &report)
        case .passport:
            formatOnly(cleaned, pattern: { s in
                (5...17).contains(s.count) && s.unicodeScalars.allSatisfy { ($0 >= "0" && $0 <= "9") || ($0 >= "A" && $0 <= "Z") }
            }, expected: language.pick("5 至 17 位字母或数字", "5 to 17 letters or digits"), &report)
        }
        return report.result
    }

    /// Accumulates what a check finds.
    struct Report {
        let kind: DocumentKind
        var normalized: String
        let language: Language
        var birthDate: CivilDate?
        var gender: Gender?
        var regionName: String?
        var issues: [IdentityIssue] = []

        init(kind: DocumentKind, normalized: String, language: Language) {
            self.kind = kind
            self.normalized = normalized
            self.language = language
        }

        mutating func add(_ code: String, _ zh: String, _ en: String) {
            add(code, .error, zh, en)
        }

        mutating func add(_ code: String, _ severity: Severity, _ zh: String, _ en: String) {
            issues.append(IdentityIssue(code: code, severity: severity, message: language.pick(zh, en)))
        }

        var result: IdentityCheck {
            let valid = !issues.contains { $0.severity == .error }
            return IdentityCheck(kind: kind, normalized: normalized, birthDate: valid ? birthDate : nil,
                                 gender: valid ? gender : nil, regionName: regionName, issues: issues)
        }
    }

    private static func formatOnly(_ s: String, pattern: (String) -> Bool, expected: String, _ r: inout Report) {
        if !pattern(s) {
            let name = r.kind.displayName(r.language)
            r.add("id.format", "\(name)号码格式不对：应为\(expected)", "not a valid \(name) number: expected \(expected)")
        }
    }

    private static func residentID(_ s: String, today: CivilDate, _ r: inout Report) {
        let bytes = Array(s.utf8)
        if bytes.count == 15, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            let first17 = String(s.prefix(6)) + "19" + String(s.dropFirst(6))
            let converted = first17 + String(checkCharacter(for: first17)!)
            r.normalized = converted
            r.add("id.legacy-15", .warning, "15 位旧身份证号，已按规则转换为 18 位：\(converted)。请核对后改用 18 位号码",
                  "a 15-digit legacy ID, converted to 18 digits: \(converted); check it and use the 18-digit number")
            eighteen(converted, today: today, prefixes: nil, &r)
            return
        }
        eighteen(s, today: today, prefixes: nil, &r)
    }

    /// The 18-character layout shared by the resident ID, the residence permits and the 2023 foreign
    /// permanent residence ID: 6-character region, 8-digit birth date, 3-digit sequence (odd = male), check.
    private static func eighteen(_ s: String, today: CivilDate, prefixes: [String]?, _ r: inout Report) {
        let b = Array(s.utf8)
        let name = r.kind.displayName(r.language)
        guard b.count == 18, b[0..<17].allSatisfy({ $0 >= 48 && $0 <= 57 }), (b[17] >= 48 && b[17] <= 57) || b[17] == 88 else {
            let digits = b.filter { $0 >= 48 && $0 <= 57 }.count
            r.add("id.format", "\(name)号码应为 18 位（17 位数字加 1 位数字或 X），这里是 \(b.count) 位\(digits == b.count ? "" : "且含有其他字符")",
                  "a \(name) number has 18 characters (17 digits and a digit or X); this one has \(b.count)\(digits == b.count ? "" : " and other characters")")
            return
        }
        if let prefixes, !prefixes.contains(where: { s.hasPrefix($0) }) {
            r.add("id.format", "\(name)号码应以 \(prefixes.joined(separator: "、")) 开头", "a \(name) number starts with \(prefixes.joined(separator: ", "))")
            return
        }
        let expected = checkCharacter(for: s.prefix(17))!
        let actual = Character(UnicodeScalar(b[17]))
        if expected != actual {
            r.add("id.checksum", "\(name)号码校验位错误：按前 17 位计算末位应为 \(expected)，实际为 \(actual)。请核对号码是否抄错",
                  "wrong check character: the first 17 digits give \(expected), the number ends in \(actual); check for a typing error")
        }
        func num(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(b[$1] - 48) } }
        let year = num(6..<10), month = num(10..<12), day = num(12..<14)
        if let date = CivilDate(year: year, month: month, day: day), year >= 1900, !(today < date) {
            r.birthDate = date
        } else {
            let text = String(s.dropFirst(6).prefix(8))
            let reason = CivilDate(year: year, month: month, day: day) == nil
                ? r.language.pick("不是有效日期", "is not a real date")
                : (year < 1900 ? r.language.pick("早于 1900 年", "is before 1900") : r.language.pick("在未来", "is in the future"))
            r.add("id.birthdate", "号码中的出生日期 \(text) \(reason)", "the birth date \(text) in the number \(reason)")
        }
        r.gender = num(16..<17) % 2 == 1 ? .male : .female
        if prefixes == nil { region(String(s.prefix(6)), birth: r.birthDate, today: today, &r) }
    }

    private static func region(_ code: String, birth: CivilDate?, today: CivilDate, _ r: inout Report) {
        let periods = RegionCodes.shared.periods(of: code)
        guard !periods.isEmpty else {
            r.add("id.region", .warning, "地区码 \(code) 不在 GB/T 2260 行政区划代码中（含历史代码），请核对前 6 位",
                  "region code \(code) is not a GB/T 2260 code (current or historic); check the first 6 digits")
            return
        }
        let from = birth?.year ?? 1900
        r.regionName = RegionCodes.shared.fullName(of: code, in: max(from, periods.first!.start))
        if !periods.contains(where: { $0.overlaps(from: from, to: today.year) }) {
            let last = periods.last!
            let place = r.regionName ?? last.name
            r.add("id.region", .warning, "地区码 \(code)（\(place)）只在 \(last.yearsText(.zh)) 使用，持证人出生于 \(from) 年，时间对不上，请核对",
                  "region code \(code) (\(place)) was in use \(last.yearsText(.en)) only, but the holder was born in \(from); check the number")
        }
    }
}
