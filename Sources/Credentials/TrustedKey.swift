import Crypto
import Foundation
import SwiftASN1
import X509

/// One published key of an issuer in `trust.json`: its kid, algorithm (ES256), public key (base64 DER
/// SubjectPublicKeyInfo), X.509 certificate (base64 DER; self-signed or CA-issued) and validity.
public struct TrustedKey: Sendable, Equatable, Codable {
    public var kid: KeyID
    public var alg: String
    public var publicKey: [UInt8]
    public var certificate: [UInt8]
    public var notBefore: Date
    public var notAfter: Date

    init(certificate: Certificate, publicKey: P256.Signing.PublicKey) throws {
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        self.certificate = serializer.serializedBytes
        self.publicKey = Array(publicKey.derRepresentation)
        kid = KeyID(publicKey: publicKey)
        alg = "ES256"
        notBefore = ISOTime.truncated(certificate.notValidBefore)
        notAfter = ISOTime.truncated(certificate.notValidAfter)
    }

    /// Whether the key may sign at `date` (not before `notBefore`, not after `notAfter`).
    public func isValid(at date: Date) -> Bool { notBefore <= date && date <= notAfter }

    /// The public key for checking signatures (nil only for a list that was never validated).
    public var signingKey: P256.Signing.PublicKey? { try? P256.Signing.PublicKey(derRepresentation: publicKey) }

    /// The X.509 certificate.
    public var x509: Certificate? { try? Certificate(derEncoded: certificate) }

    /// Who issued the certificate: nil when it is self-signed (issuer = subject), else the issuer's name
    /// as RFC 4514 text (`CN=…,O=…`).
    public var certificateAuthority: String? {
        guard let x509, x509.issuer != x509.subject else { return nil }
        return String(describing: x509.issuer)
    }

    enum CodingKeys: String, CodingKey {
        case kid, alg, publicKey = "public-key", certificate, notBefore = "not-before", notAfter = "not-after"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func fail(_ key: CodingKeys, _ why: String) -> DecodingError {
            DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: why)
        }
        kid = try c.decode(KeyID.self, forKey: .kid)
        alg = try c.decode(String.self, forKey: .alg)
        guard alg == "ES256" else { throw fail(.alg, "only ES256 keys are supported, not \"\(alg)\"") }
        guard let key = Data(base64Encoded: try c.decode(String.self, forKey: .publicKey)) else { throw fail(.publicKey, "not base64") }
        publicKey = Array(key)
        guard let parsed = try? P256.Signing.PublicKey(derRepresentation: publicKey) else { throw fail(.publicKey, "not a P-256 SubjectPublicKeyInfo") }
        guard KeyID(publicKey: parsed) == kid else { throw fail(.kid, "the kid is not the one of public-key (\(KeyID(publicKey: parsed).hex))") }
        guard let der = Data(base64Encoded: try c.decode(String.self, forKey: .certificate)) else { throw fail(.certificate, "not base64") }
        certificate = Array(der)
        guard let x509 = try? Certificate(derEncoded: certificate) else { throw fail(.certificate, "not a DER X.509 certificate") }
        guard P256.Signing.PublicKey(x509.publicKey).map({ $0.derRepresentation == parsed.derRepresentation }) == true else {
            throw fail(.certificate, "the certificate is for another public key")
        }
        guard let from = ISOTime.parse(try c.decode(String.self, forKey: .notBefore)) else { throw fail(.notBefore, "not a UTC time like 2026-12-04T00:00:00Z") }
        guard let to = ISOTime.parse(try c.decode(String.self, forKey: .notAfter)) else { throw fail(.notAfter, "not a UTC time like 2036-12-04T00:00:00Z") }
        guard from < to else { throw fail(.notAfter, "not-after is not later than not-before") }
        notBefore = from
        notAfter = to
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kid, forKey: .kid)
        try c.encode(alg, forKey: .alg)
        try c.encode(Data(publicKey).base64EncodedString(), forKey: .publicKey)
        try c.encode(Data(certificate).base64EncodedString(), forKey: .certificate)
        try c.encode(ISOTime.format(notBefore), forKey: .notBefore)
        try c.encode(ISOTime.format(notAfter), forKey: .notAfter)
    }
}
