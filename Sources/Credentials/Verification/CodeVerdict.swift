/// The outcome of checking a certificate code: the status, the reason code that decided it (README,
/// "Verification reason codes"), and what is known. `payload` and `issuer` are set only once the
/// signature has been checked against a trusted key: a forged code's claims are never shown as facts.
public struct CodeVerdict: Sendable {
    public var status: VerificationStatus
    /// `verify.ok`, `verify.malformed`, `verify.unsupported-alg`, `verify.unknown-key`, `verify.bad-signature`,
    /// `verify.issuer-mismatch`, `verify.key-not-valid`, `verify.not-yet-valid`, `verify.expired`,
    /// `verify.revoked`, `verify.revocation-unavailable`.
    public var reason: String
    public var payload: CertificatePayload?
    public var issuer: TrustedIssuer?
    public var kid: KeyID?
    public var revocation: RevocationEntry?
    /// What exactly was wrong, in technical English (`CBOR non-minimal`, the revocation source's error).
    public var detail: String?

    public init(status: VerificationStatus, reason: String, payload: CertificatePayload? = nil, issuer: TrustedIssuer? = nil, kid: KeyID? = nil,
                revocation: RevocationEntry? = nil, detail: String? = nil) {
        self.status = status
        self.reason = reason
        self.payload = payload
        self.issuer = issuer
        self.kid = kid
        self.revocation = revocation
        self.detail = detail
    }

    /// Whether the certificate may be relied on.
    public var isGenuine: Bool { status == .genuine }
}
