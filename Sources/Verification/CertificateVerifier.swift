import Credentials
import Crypto
import Foundation
import Registry

/// Verifies a certificate's QR text the way a verifier must: the code's own checks (decoding, signature by
/// kid against the trust list, issuer, validity, revocation — `CodeVerifier`), then, where a registry is
/// at hand, that the registry issued exactly this code, with its revocations and approvals. Without a
/// registry, revocations come from a signed revocation list when one is given. Never throws: anything
/// that cannot be checked is a reason not to call the certificate genuine.
public struct CertificateVerifier: Sendable {
    public let trust: TrustList
    public let registry: (any CertificateRegistry)?
    public let revocations: [RevocationEntry]?

    public init(trust: TrustList, registry: (any CertificateRegistry)?, revocations: [RevocationEntry]? = nil) {
        self.trust = trust
        self.registry = registry
        self.revocations = revocations
    }

    /// The check each reason code of `CodeVerifier` fails.
    static let failedCheck: [String: String] = [
        "verify.malformed": "decode", "verify.unsupported-alg": "decode", "verify.unknown-key": "signature",
        "verify.bad-signature": "signature", "verify.issuer-mismatch": "issuer", "verify.key-not-valid": "issuer",
        "verify.not-yet-valid": "validity", "verify.expired": "validity", "verify.revoked": "revocation",
    ]
    static let codeChecks = ["decode", "signature", "issuer", "validity", "revocation"]

    /// The code not issued by the registry (or issued with other bytes).
    public static let notIssued = "verify.not-issued"

    public func verify(code text: String, now: Date = Date(), source: String = "code") -> VerificationReport {
        let registry = self.registry
        let revocations = self.revocations
        let revoked = { (number: String) throws -> RevocationEntry? in
            if let registry, let stored = try registry.revocation(number: number) {
                return RevocationEntry(number: stored.number, reason: stored.reason, at: stored.at)
            }
            return revocations?.first { $0.number == number }
        }
        // Decoded once: the verdict and, below, the hash compared with the registry's come from the same bytes.
        let decoded = try? CertificateCode.decode(text)
        let verifier = CodeVerifier(trust: trust)
        let verdict = decoded.map { verifier.verify($0, now: now, revoked: revoked) } ?? verifier.verify(text, now: now, revoked: revoked)
        var report = VerificationReport(status: verdict.status, reason: verdict.reason, source: source, checkedAt: now, checks: [],
                                        certificate: nil, registry: nil, pdf: nil, address: Self.address(text))
        // The code's checks, in order: those before the failing one passed; those after it were not made.
        let failing = Self.failedCheck[verdict.reason]
        for name in Self.codeChecks {
            if name == failing {
                report.checks.append(.init(name: name, passed: false, code: verdict.reason, note: nil))
                break
            }
            if name == "revocation", registry == nil, revocations == nil {
                report.checks.append(.init(name: name, passed: true, code: nil, note: "no registry or revocation list: revocation not checked"))
            } else {
                report.checks.append(.init(name: name, passed: true, code: nil, note: nil))
            }
        }
        if let payload = verdict.payload {
            report.certificate = .init(number: payload.number, name: payload.claims.name, maskedID: payload.claims.maskedID,
                                       certificate: payload.claims.kind, category: payload.claims.title, issuerCode: payload.claims.issuerCode,
                                       issuerName: verdict.issuer?.name, issuedAt: payload.issuedAt, expires: payload.expires, kid: verdict.kid?.hex)
        }
        // The registry: only for a code whose signature holds (a forged code learns nothing from it).
        guard let registry, let payload = verdict.payload, [.genuine, .expired, .revoked].contains(verdict.status) else { return report }
        let record: IssuedCertificate?
        do {
            // A registry speaks only for the issuers whose batches it holds; another trusted issuer's
            // certificate is judged by its signature (and a revocation list, if given).
            guard try registry.holdsIssuer(payload.issuer) else {
                if revocations == nil, let k = report.checks.firstIndex(where: { $0.name == "revocation" }) {
                    report.checks[k].note = "no registry or revocation list of this issuer: revocation not checked"
                }
                report.checks.append(.init(name: "registry", passed: true, code: nil, note: "the registry holds no batch of this issuer: not consulted"))
                return report
            }
            record = try registry.certificate(number: payload.number)
        } catch {
            report.status = .forged
            report.reason = "verify.registry-unavailable"
            report.checks.append(.init(name: "registry", passed: false, code: report.reason, note: "\(error)"))
            return report
        }
        guard let record else {
            report.registry = .init(found: false, approvals: [])
            report.checks.append(.init(name: "registry", passed: false, code: Self.notIssued, note: nil))
            report.status = .forged
            report.reason = Self.notIssued
            return report
        }
        let scanned = decoded.map { Self.sha256($0.coseBytes) }
        let matches = scanned == record.payloadSHA256
        let revocation = try? registry.revocation(number: record.number)
        let batchHash = (try? registry.batch(id: record.batchID))?.hash ?? ""
        let approvals = ((try? registry.approvals(batchID: record.batchID)) ?? []).map { stored in
            VerificationReport.ApprovalInfo(role: stored.role, issuerCode: stored.issuerCode, kid: stored.kid, signedAt: stored.signedAt,
                                            verified: approvalVerified(stored, batchHash: batchHash))
        }
        report.registry = .init(found: true, issuedOn: record.issuedOn, expiresOn: record.expiresOn, revokedAt: revocation?.at,
                                revocationReason: revocation?.reason, replacedBy: revocation?.replacedBy, replaces: record.replaces,
                                batch: record.batchID, approvals: approvals, codeMatches: matches)
        guard matches else {
            report.checks.append(.init(name: "registry", passed: false, code: Self.notIssued, note: "the code differs from the one issued under this number"))
            report.status = .forged
            report.reason = Self.notIssued
            return report
        }
        report.checks.append(.init(name: "registry", passed: true, code: nil, note: nil))
        return report
    }

    /// Whether a stored approval verifies against the trust list (nil when its key is not in it).
    func approvalVerified(_ stored: StoredApproval, batchHash: String) -> Bool? {
        guard let kid = KeyID(hex: stored.kid), trust.key(for: kid) != nil else { return nil }
        let approval = Approval(role: stored.role, issuerCode: stored.issuerCode, kid: kid, batchHash: batchHash, signedAt: stored.signedAt, cose: stored.cose)
        return (try? approval.verify(expectedHash: batchHash, trust: trust)) != nil
    }

    /// The upper-case address before `/1/`, if the text has one.
    static func address(_ text: String) -> String? {
        guard text.count <= 4096, let range = text.range(of: "/1/", options: .backwards) else { return nil }
        return String(text[..<range.lowerBound])
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        Hex.encode(SHA256.hash(data: bytes))
    }
}
