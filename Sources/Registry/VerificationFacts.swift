import Foundation

/// What a registry holds about one certificate number, read together for one verification: whether the
/// registry speaks for the code's issuer at all, the certificate issued under the number, its revocation,
/// and the batch's hash and approvals (the dual sign-off a verifier is shown).
public struct VerificationFacts: Sendable, Equatable {
    /// Whether the registry holds any batch of the issuer asked about (it speaks only for those).
    public var holdsIssuer: Bool
    public var certificate: IssuedCertificate?
    public var revocation: StoredRevocation?
    /// The hash of the batch that issued the certificate (what its approvals signed).
    public var batchHash: String?
    public var approvals: [StoredApproval]
    /// The SHA-256 (hex) of every PDF file written for the certificate, oldest first (reprints add more).
    public var fileHashes: [String]

    public init(holdsIssuer: Bool, certificate: IssuedCertificate?, revocation: StoredRevocation?, batchHash: String?, approvals: [StoredApproval],
                fileHashes: [String]) {
        self.holdsIssuer = holdsIssuer
        self.certificate = certificate
        self.revocation = revocation
        self.batchHash = batchHash
        self.approvals = approvals
        self.fileHashes = fileHashes
    }

    /// Nothing: the registry does not hold the issuer.
    public static let foreignIssuer = VerificationFacts(holdsIssuer: false, certificate: nil, revocation: nil, batchHash: nil, approvals: [], fileHashes: [])
}
