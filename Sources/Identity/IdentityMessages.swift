import Support

/// Builds the issues the rules report, so wording stays consistent; each in Chinese and English.
enum IdentityMessages {
    static func missing(_ kind: IDKind) -> IdentityIssue {
        let zh = kind.displayName(.zh), en = kind.displayName(.en)
        return IdentityIssue(code: IdentityIssue.Code.missing, severity: .error,
                             message: LocalizedText(zh: "\(zh)号码为空，请填写", en: "the \(en) number is empty; fill it in"))
    }

    static func format(zh: String, en: String) -> IdentityIssue {
        IdentityIssue(code: IdentityIssue.Code.format, severity: .error, message: LocalizedText(zh: zh, en: en))
    }

    static func checksum(_ kind: IDKind, expected: UInt8, actual: UInt8) -> IdentityIssue {
        let zh = kind.displayName(.zh), en = kind.displayName(.en)
        let e = Character(Unicode.Scalar(expected)), a = Character(Unicode.Scalar(actual))
        return IdentityIssue(code: IdentityIssue.Code.checksum, severity: .error, message: LocalizedText(
            zh: "\(zh)号码校验位错误：按前 17 位计算应为 \(e)，实际为 \(a)。请核对号码是否抄错",
            en: "wrong check character in the \(en) number: the first 17 digits give \(e), the number ends in \(a); check for a copying error"))
    }

    static func birthDate(zh: String, en: String) -> IdentityIssue {
        IdentityIssue(code: IdentityIssue.Code.birthDate, severity: .error, message: LocalizedText(
            zh: "号码中的\(zh)，请核对号码第 7–14 位", en: "the number's \(en); check characters 7–14"))
    }

    static func region(zh: String, en: String) -> IdentityIssue {
        IdentityIssue(code: IdentityIssue.Code.region, severity: .warning, message: LocalizedText(zh: zh, en: en))
    }

    static func legacy15(_ converted: String) -> IdentityIssue {
        IdentityIssue(code: IdentityIssue.Code.legacy15, severity: .warning, message: LocalizedText(
            zh: "15 位旧身份证号，已按规则转换为 18 位：\(converted)。请核对后改填 18 位号码",
            en: "a 15-digit first-generation ID, converted to 18 characters: \(converted); check it and use the 18-character number"))
    }
}
