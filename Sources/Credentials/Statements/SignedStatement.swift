import Foundation

/// A statement signed by a key of the trust list (an approval, a revocation list): COSE_Sign1 as for
/// certificate codes, over a CBOR map whose key 0 names the kind of statement, so one kind can never be
/// passed off as another (nor as a certificate code, whose claims have no key 0).
enum SignedStatement {
    /// Why a statement was not accepted.
    enum Failure: Error {
        case malformed(String)
        case unknownKey(KeyID)
        case badSignature(KeyID)
    }

    /// The COSE bytes of `body` (a map; key 0 is set to `kind`) signed by `key`.
    static func sign(kind: String, _ body: [CBORPair], key: IssuerKey) throws -> [UInt8] {
        let payload = CBOREncoder.encode(.map([CBORPair(.int(0), .text(kind))] + body))
        return try COSESign1.sign(payload: payload, privateKey: key.privateKey, kid: key.kid)
    }

    /// The statement's body after its signature checked out against `trust`, with the signer.
    static func open(_ bytes: [UInt8], kind: String, trust: TrustList, maxSize: Int) throws(Failure) -> (kid: KeyID, issuer: TrustedIssuer, key: TrustedKey, body: CBOR) {
        let message: COSESign1
        do { message = try COSESign1.parse(bytes, maxSize: maxSize) } catch { throw .malformed(error.detail) }
        guard let (issuer, key) = trust.key(for: message.kid) else { throw .unknownKey(message.kid) }
        guard let publicKey = key.signingKey, message.isSigned(by: publicKey) else { throw .badSignature(message.kid) }
        let body: CBOR
        do { body = try CBORDecoder(maxSize: maxSize, maxDepth: 4).decode(message.payload) } catch { throw .malformed("payload CBOR \(error.rule)") }
        guard body[0]?.textValue == kind else { throw .malformed("not a \(kind) statement") }
        return (message.kid, issuer, key, body)
    }

    /// The instant under integer key `key` of `body`.
    static func instant(_ body: CBOR, _ key: Int64) -> Date? {
        guard case .unsigned(let seconds)? = body[key], seconds <= CertificatePayload.maxSeconds else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
