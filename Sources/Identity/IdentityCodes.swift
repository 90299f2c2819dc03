import Support

/// The problem codes of document numbers (`id.*`), made by `IdentityValidator`.
public enum IdentityCodes {
    public static let all: [ProblemCode] = [
        ProblemCode("id.missing", zh: "证件号码为空", en: "ID number missing"),
        ProblemCode("id.type-unknown", zh: "证件类型无法识别", en: "unknown document type"),
        ProblemCode("id.format", zh: "证件号码格式错误", en: "ID number format"),
        ProblemCode("id.checksum", zh: "身份证号校验位错误", en: "ID check character wrong"),
        ProblemCode("id.birthdate", zh: "证件号码中的出生日期不合理", en: "impossible birth date in the ID"),
        ProblemCode("id.region", zh: "地区码未知或已停用", en: "unknown or retired region code"),
        ProblemCode("id.legacy-15", zh: "15 位旧身份证号已转换", en: "15-digit ID converted"),
    ]
}
