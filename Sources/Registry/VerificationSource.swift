import Foundation

/// The part of a registry the verification service reads, asynchronously so that a registry on a database
/// server holds no thread while it waits. `SQLiteRegistry` answers from its file (its synchronous methods
/// serve); `PostgresRegistry` from the shared database. Every method throws `RegistryError`.
public protocol VerificationSource: Sendable {
    /// What the registry holds about `number`, for a code signed by `issuerCode`.
    func facts(number: String, issuerCode: String) async throws -> VerificationFacts
    func certificate(number: String) async throws -> IssuedCertificate?
    /// The holder's photo as issued (JPEG or PNG bytes), kept only when the issuer chose to show it.
    func photo(number: String) async throws -> [UInt8]?
    /// Revocations, oldest first; of one issuer's certificates when `issuerCode` is given.
    func revocations(issuerCode: String?) async throws -> [StoredRevocation]
    /// Throws when the registry cannot be read now (`/healthz`).
    func ping() async throws
}

/// A registry both the certificate commands and the verification service can use (SQLite or PostgreSQL).
public typealias RegistryStore = CertificateRegistry & VerificationSource
