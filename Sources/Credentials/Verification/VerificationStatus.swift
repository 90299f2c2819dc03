/// What a verifier tells the person holding a certificate. Only `genuine` means the certificate may be
/// relied on.
public enum VerificationStatus: String, Sendable, Codable, CaseIterable {
    /// Signed by a trusted key of its issuer, within validity, not revoked.
    case genuine
    /// Genuine but past its expiry date.
    case expired
    /// Genuine but revoked by its issuer (see the revocation entry).
    case revoked
    /// Signed by a key the trust list does not have.
    case unknownIssuer = "unknown-issuer"
    /// Not a well-formed code, a bad signature, or signed contrary to the trust list's rules.
    case forged
    /// Signed and within validity, but whether it is revoked could not be learned (the registry or the
    /// revocation list could not be read): not to be relied on until checked again.
    case unverified
}
