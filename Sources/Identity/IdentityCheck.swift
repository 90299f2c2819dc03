import Support

/// The result of checking one document number.
public struct IdentityCheck: Sendable {
    public let kind: IDKind
    /// The cleaned number; a legacy 15-digit ID converted to its 18-digit form.
    public let normalized: String
    /// Birth date, when the kind encodes it and the number has no error (so a roster's 出生日期 is compared
    /// only with a trustworthy number).
    public let birthDate: CivilDate?
    /// Gender, when the kind encodes it and the number has no error.
    public let gender: Gender?
    /// Region with province and prefecture prefix (e.g. "北京市东城区"), as named in the birth year, when known.
    public let regionName: String?
    public let issues: [IdentityIssue]

    /// True when no issue is an error (warnings allowed).
    public var isValid: Bool { !issues.contains { $0.severity == .error } }

    public init(kind: IDKind, normalized: String, birthDate: CivilDate? = nil, gender: Gender? = nil,
                regionName: String? = nil, issues: [IdentityIssue] = []) {
        self.kind = kind
        self.normalized = normalized
        self.birthDate = birthDate
        self.gender = gender
        self.regionName = regionName
        self.issues = issues
    }
}
