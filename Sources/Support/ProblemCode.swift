/// A stable problem code (design §3) with its short title in both languages. Each stage lists the codes
/// it makes beside its own code (`IdentityCodes`, `PhotoCodes`, `SeatingCodes`, …).
public struct ProblemCode: Sendable, Equatable {
    public let code: String
    public let zh: String
    public let en: String

    public init(_ code: String, zh: String, en: String) {
        self.code = code
        self.zh = zh
        self.en = en
    }
}
