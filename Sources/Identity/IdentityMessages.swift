import Support

/// Builds the issues the rules report, so wording stays consistent: Chinese by default, English on request.
enum IdentityMessages {
    static func missing(_ kind: IDKind, _ language: Language) -> IdentityIssue {
        let name = kind.displayName(language)
        return IdentityIssue(code: IdentityIssue.Code.missing, severity: .error,
                             message: language.pick("\(name)号码为空，请填写", "the \(name) number is empty; fill it in"))
    }

    static func format(_ language: Language, zh: String, en: String) -> IdentityIssue {
        IdentityIssue(code: IdentityIssue.Code.format, severity: .error, message: language.pick(zh, en))
    }

    static func checksum(_ kind: IDKind, expected: UInt8, actual: UInt8, _ language: Language) -> IdentityIssue {
        let name = kind.displayName(language)
        let e = Character(Unicode.Scalar(expected)), a = Character(Unicode.Scalar(actual))
        return IdentityIssue(code: IdentityIssue.Code.checksum, severity: .error, message: language.pick(
            "\(name)号码校验位错误：按前 17 位计算应为 \(e)，实际为 \(a)。请核对号码是否抄错",
            "wrong check character in the \(name) number: the first 17 digits give \(e), the number ends in \(a); check for a copying error"))
    }

    static func birthDate(_ kind: IDKind, _ language: Language, zh: String, en: String) -> IdentityIssue {
        IdentityIssue(code: IdentityIssue.Code.birthDate, severity: .error, message: language.pick(
            "号码中的\(zh)，请核对号码第 7–14 位", "the number's \(en); check characters 7–14"))
    }

    static func region(_ language: Language, zh: String, en: String) -> IdentityIssue {
        IdentityIssue(code: IdentityIssue.Code.region, severity: .warning, message: language.pick(zh, en))
    }

    static func legacy15(_ converted: String, _ language: Language) -> IdentityIssue {
        IdentityIssue(code: IdentityIssue.Code.legacy15, severity: .warning, message: language.pick(
            "15 位旧身份证号，已按规则转换为 18 位：\(converted)。请核对后改填 18 位号码",
            "a 15-digit first-generation ID, converted to 18 characters: \(converted); check it and use the 18-character number"))
    }
}
