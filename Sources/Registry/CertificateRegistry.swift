import Foundation

/// The memory of issued certificates: what `kaowu certify` issued (certificates, their files, approvals,
/// batches), what was revoked and why. `SQLiteRegistry` keeps it in one SQLite file; the verification
/// service can keep the same tables on a shared database server behind this protocol.
/// Every method throws `RegistryError`; times are kept to the millisecond.
public protocol CertificateRegistry: Sendable {
    func certificate(number: String) throws -> IssuedCertificate?
    /// The files written for the certificate, oldest first.
    func files(number: String) throws -> [IssuedFile]
    func revocation(number: String) throws -> StoredRevocation?
    func approvals(batchID: String) throws -> [StoredApproval]
    /// The newest not-revoked certificate this holder has for this certificate identity.
    func current(holderKey: String, certificateKey: String) throws -> IssuedCertificate?
    /// The newest certificate this holder has for this certificate identity, revoked or not.
    func latest(holderKey: String, certificateKey: String) throws -> IssuedCertificate?
    /// The highest sequence issued with this number prefix; 0 when none.
    func highestSequence(prefix: String) throws -> Int
    /// One transaction: the batch, its new certificates, files (new and reprinted), approvals and the
    /// revocations of replaced certificates. Nothing is written if anything fails (`registry.number-taken`,
    /// `registry.unknown-number`, `registry.already-revoked`, …). Recording a batch id again (a re-run of
    /// the same list) keeps the batch as first recorded and adds to it; a file or approval recorded again
    /// under the same key (number, batch, path / batch, role, kid) is replaced.
    /// Holder photos (`photos`) are kept beside their certificates, replaced when recorded again.
    func record(_ batch: BatchRecord, certificates: [IssuedCertificate], files: [IssuedFile], approvals: [StoredApproval],
                revocations: [StoredRevocation], photos: [HolderPhoto]) throws
    /// Revokes a certificate: `registry.unknown-number` or `registry.already-revoked` (with the first
    /// revocation) otherwise. Returns what was stored.
    func revoke(number: String, reason: String, at: Date) throws -> StoredRevocation
    /// Revocations, oldest first; of one issuer's certificates when `issuerCode` is given.
    func revocations(issuerCode: String?) throws -> [StoredRevocation]
    /// Certificates in number order (issuer, prefix, sequence); of one issuer when `issuerCode` is given.
    func certificates(issuerCode: String?) throws -> [IssuedCertificate]
    func batch(id: String) throws -> BatchRecord?
    /// Whether the registry holds any batch of the issuer `code` (a verifier asks it only about its own issuers).
    func holdsIssuer(_ code: String) throws -> Bool
    /// The holder's photo kept with the certificate (only when the issuer chose to show it).
    func photo(number: String) throws -> [UInt8]?
    /// What the registry holds about `number`, for a code signed by `issuerCode` (one read).
    func facts(number: String, issuerCode: String) throws -> VerificationFacts
    /// Throws when the registry cannot be read now.
    func ping() throws
}

extension CertificateRegistry {
    /// A batch without holder photos.
    public func record(_ batch: BatchRecord, certificates: [IssuedCertificate], files: [IssuedFile], approvals: [StoredApproval],
                       revocations: [StoredRevocation]) throws {
        try record(batch, certificates: certificates, files: files, approvals: approvals, revocations: revocations, photos: [])
    }
}
