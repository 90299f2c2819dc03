import Support

/// The region code of a resident ID must be a GB/T 2260 code in use at some time between the birth year and
/// today (IDs are often issued years after birth). Findings are warnings: the table ends in 2021 and some
/// real codes were never published.
enum RegionRule {
    static func check(code: Int, birthDate: CivilDate?, today: CivilDate) -> IdentityIssue? {
        let codeText = sixDigits(code)
        if let permit = ResidentIDRules.permitRegions[code] {
            return IdentityMessages.region(
                zh: "地区码 \(codeText)（\(permit.zh)）是港澳台居民居住证的号码段，请核对证件类型是否应为港澳台居民居住证",
                en: "region code \(codeText) (\(permit.en)) is used by residence permits for Hong Kong, Macao and Taiwan residents; check whether the document type should be residence permit")
        }
        let periods = RegionCodes.shared.periods(key: code)
        if periods.isEmpty {
            return IdentityMessages.region(
                zh: "未知地区码 \(codeText)：不在 GB/T 2260 行政区划代码表（1980–2021 年各版）中，请核对号码前 6 位",
                en: "unknown region code \(codeText): not in the GB/T 2260 division codes (1980–2021 editions); check the first 6 digits")
        }
        guard let birthDate else { return nil }
        let from = birthDate.year, to = today.year
        if periods.contains(where: { $0.overlaps(from: from, to: to) }) { return nil }
        let name = RegionCodes.shared.fullName(key: code, year: from) ?? periods.last!.name
        let usedZh = periods.map { $0.yearsText(.zh) }.joined(separator: "、")
        let usedEn = periods.map { $0.yearsText(.en) }.joined(separator: ", ")
        if periods.allSatisfy({ ($0.end ?? Int.max) < from }) {
            return IdentityMessages.region(
                zh: "地区码 \(codeText)（\(name)，使用于 \(usedZh)）在出生年份 \(from) 年之前已撤销，请核对号码前 6 位",
                en: "region code \(codeText) (\(name), in use \(usedEn)) was abolished before the birth year \(from); check the first 6 digits")
        }
        return IdentityMessages.region(
            zh: "地区码 \(codeText)（\(name)，使用于 \(usedZh)）在出生年份 \(from) 年至今未曾使用，请核对号码前 6 位",
            en: "region code \(codeText) (\(name), in use \(usedEn)) was not in use between the birth year \(from) and today; check the first 6 digits")
    }

    static func sixDigits(_ code: Int) -> String {
        let s = String(code)
        return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }
}
