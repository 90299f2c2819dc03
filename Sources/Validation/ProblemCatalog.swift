import Identity
import Photos
import Support

/// The problem codes a report can hold, with their short titles, in the order reports group them: the
/// roster's own (made here), then those of document numbers and photos, plus whatever later stages add
/// (`adding(_:)`). Codes are stable: added, never renamed (all documented in the README).
public struct ProblemCatalog: Sendable {
    public let codes: [ProblemCode]
    private let index: [String: Int]

    public init(_ codes: [ProblemCode]) {
        self.codes = codes
        index = Dictionary(codes.enumerated().map { ($0.element.code, $0.offset) }, uniquingKeysWith: { a, _ in a })
    }

    /// The codes validation makes.
    public static let validation = ProblemCatalog(rosterCodes + IdentityCodes.all + PhotoCodes.all)

    /// The roster's own codes (rows, names, genders, birth dates, phones).
    static let rosterCodes: [ProblemCode] = [
        ProblemCode("roster.unreadable", zh: "名单文件无法读取", en: "roster cannot be read"),
        ProblemCode("roster.header-missing", zh: "找不到表头或缺少必需列", en: "header or required column missing"),
        ProblemCode("roster.duplicate-id", zh: "同一考生重复报考同一科目", en: "same person, same subject twice"),
        ProblemCode("roster.name-conflict", zh: "同一证件号码的姓名不一致", en: "one ID number, different names"),
        ProblemCode("roster.person-conflict", zh: "同一考生的各行信息不一致", en: "one person's rows disagree"),
        ProblemCode("roster.person-refused", zh: "同一考生的另一行有错误", en: "another row of the person has errors"),
        ProblemCode("roster.id-as-number", zh: "证件号码被存成数字", en: "ID number stored as a number"),
        ProblemCode("name.missing", zh: "姓名为空", en: "name missing"),
        ProblemCode("name.invalid", zh: "姓名有误", en: "invalid name"),
        ProblemCode("gender.mismatch", zh: "性别与证件号码不符", en: "gender differs from the ID number"),
        ProblemCode("gender.invalid", zh: "性别无法识别", en: "unreadable gender"),
        ProblemCode("birthdate.mismatch", zh: "出生日期与证件号码不符", en: "birth date differs from the ID number"),
        ProblemCode("birthdate.format", zh: "出生日期无法识别", en: "unreadable birth date"),
        ProblemCode("phone.format", zh: "手机号格式有误", en: "phone number format"),
    ]

    /// This catalogue with a later stage's codes after its own.
    public func adding(_ more: [ProblemCode]) -> ProblemCatalog { ProblemCatalog(codes + more) }

    /// The short title of `code` in `language` (the code itself when unknown).
    public func title(_ code: String, _ language: Language) -> String {
        guard let i = index[code] else { return code }
        return language.pick(codes[i].zh, codes[i].en)
    }

    /// Position of `code` in the catalogue, for grouping reports in a stable order.
    public func order(_ code: String) -> Int { index[code] ?? codes.count }
}
