import Support

/// One finding about a document number: a stable code (`id.format`, `id.checksum`, `id.birthdate`,
/// `id.region`, `id.legacy-15`), its severity and a plain message.
public struct IdentityIssue: Sendable, Equatable {
    public let code: String
    public let severity: Severity
    public let message: String
}

/// The result of checking one document number.
public struct IdentityCheck: Sendable {
    public let kind: DocumentKind
    /// Cleaned; a legacy 15-digit number converted to its 18-digit form.
    public let normalized: String
    /// Derived from the number when its kind encodes it and it is valid.
    public let birthDate: CivilDate?
    public let gender: Gender?
    /// The region the code names, with its province and city (北京市东城区), when known.
    public let regionName: String?
    public let issues: [IdentityIssue]
    /// Whether no issue is an error.
    public var isValid: Bool { !issues.contains { $0.severity == .error } }
}
