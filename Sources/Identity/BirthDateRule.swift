import Support

/// The eight-digit birth date inside an 18-character number: a real date, not after today, not before 1900.
enum BirthDateRule {
    static func check(_ b: [UInt8], at: Int, today: CivilDate) -> (date: CivilDate?, issue: IdentityIssue?) {
        let text = String(decoding: b[at..<at + 8], as: UTF8.self)
        guard let date = IDBytes.date(b, at: at) else {
            return (nil, IdentityMessages.birthDate(
                zh: "出生日期 \(text) 不是有效日期（应为年月日 YYYYMMDD）",
                en: "birth date \(text) is not a real date (YYYYMMDD)"))
        }
        if date > today {
            return (nil, IdentityMessages.birthDate(
                zh: "出生日期 \(date) 晚于今天（\(today)）", en: "birth date \(date) is after today (\(today))"))
        }
        if date.year < 1900 {
            return (nil, IdentityMessages.birthDate(
                zh: "出生日期 \(date) 早于 1900 年", en: "birth date \(date) is before 1900"))
        }
        return (date, nil)
    }
}
