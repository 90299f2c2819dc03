import Foundation

/// Checks certificate codes against a trust list, in the order a verifier must:
/// 1. decoding (strict; `verify.malformed`, `verify.unsupported-alg` → forged),
/// 2. the signature by the kid's key in the trust list (`verify.unknown-key` → unknown issuer;
///    `verify.bad-signature` → forged),
/// 3. the issuer: `iss` and the private claim's issuer code are the trusted issuer's code
///    (`verify.issuer-mismatch`), the key was valid at `iat` (`verify.key-not-valid`), and `iat` is not in
///    the future beyond `clockSkew` (`verify.not-yet-valid`) — each → forged,
/// 4. expiry at `now` (`verify.expired` → expired),
/// 5. revocation, asked of `revoked` (a registry or a signed revocation list): `verify.revoked` → revoked;
///    if it throws, `verify.revocation-unavailable` → unverified.
/// Anything else is `verify.ok` → genuine.
public struct CodeVerifier: Sendable {
    public let trust: TrustList
    /// How far `iat` may lie ahead of the verifier's clock (5 minutes), for clocks that differ a little.
    public var clockSkew: TimeInterval = 300

    public init(trust: TrustList) {
        self.trust = trust
    }

    public func verify(_ text: String, now: Date, revoked: (String) throws -> RevocationEntry?) -> CodeVerdict {
        let decoded: DecodedCode
        do { decoded = try CertificateCode.decode(text) } catch {
            return CodeVerdict(status: .forged, reason: error.reason, detail: error.detail)
        }
        return verify(decoded, now: now, revoked: revoked)
    }

    /// Steps 2–5 for a code already decoded.
    public func verify(_ code: DecodedCode, now: Date, revoked: (String) throws -> RevocationEntry?) -> CodeVerdict {
        guard let (issuer, key) = trust.key(for: code.kid) else {
            return CodeVerdict(status: .unknownIssuer, reason: "verify.unknown-key", kid: code.kid)
        }
        guard let publicKey = key.signingKey, COSESign1.isValid(code.signature, over: code.signedBytes, by: publicKey) else {
            return CodeVerdict(status: .forged, reason: "verify.bad-signature", kid: code.kid)
        }
        let payload = code.payload
        var verdict = CodeVerdict(status: .forged, reason: "", payload: payload, issuer: issuer, kid: code.kid)
        if payload.issuer != issuer.code || payload.claims.issuerCode != issuer.code {
            verdict.reason = "verify.issuer-mismatch"
        } else if !key.isValid(at: payload.issuedAt) {
            verdict.reason = "verify.key-not-valid"
        } else if payload.issuedAt > now.addingTimeInterval(clockSkew) {
            verdict.reason = "verify.not-yet-valid"
        } else if let expires = payload.expires, now >= expires {
            verdict.status = .expired
            verdict.reason = "verify.expired"
        } else {
            do {
                if let entry = try revoked(payload.number) {
                    verdict.status = .revoked
                    verdict.reason = "verify.revoked"
                    verdict.revocation = entry
                } else {
                    verdict.status = .genuine
                    verdict.reason = "verify.ok"
                }
            } catch {
                verdict.status = .unverified
                verdict.reason = "verify.revocation-unavailable"
                verdict.detail = "\(error)"
            }
        }
        return verdict
    }
}
