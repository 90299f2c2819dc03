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

    /// Verifies `text` with the registry given at init (synchronously: `kaowu verify`, `kaowu certify`).
    public func verify(code text: String, now: Date = Date(), source: String = "code") -> VerificationReport {
        let decoded = try? CertificateCode.decode(text)
        let verdict = codeVerdict(text, decoded: decoded, now: now)
        guard let registry, let asked = Self.registryQuestion(verdict) else {
            return report(text, decoded: decoded, verdict: verdict, facts: nil, registryGiven: registry != nil, now: now, source: source)
        }
        let facts = Result { try registry.facts(number: asked.number, issuerCode: asked.issuer) }
        return report(text, decoded: decoded, verdict: verdict, facts: facts, registryGiven: true, now: now, source: source)
    }

    /// Verifies `text` against `registry`, waiting for it without holding a thread (the web service).
    public func verify(code text: String, registry: any VerificationSource, now: Date = Date(), source: String = "code") async -> VerificationReport {
        let decoded = try? CertificateCode.decode(text)
        let verdict = codeVerdict(text, decoded: decoded, now: now)
        guard let asked = Self.registryQuestion(verdict) else {
            return report(text, decoded: decoded, verdict: verdict, facts: nil, registryGiven: true, now: now, source: source)
        }
        let facts: Result<VerificationFacts, Error>
        do { facts = .success(try await registry.facts(number: asked.number, issuerCode: asked.issuer)) } catch { facts = .failure(error) }
        return report(text, decoded: decoded, verdict: verdict, facts: facts, registryGiven: true, now: now, source: source)
    }

    /// The code's own verdict: decoding, signature, issuer, validity, and revocation by the signed revocation
    /// list if one was given (the registry's revocations are applied by `report`).
    func codeVerdict(_ text: String, decoded: DecodedCode?, now: Date) -> CodeVerdict {
        let revocations = self.revocations
        let revoked = { (number: String) -> RevocationEntry? in revocations?.first { $0.number == number } }
        let verifier = CodeVerifier(trust: trust)
        return decoded.map { verifier.verify($0, now: now, revoked: revoked) } ?? verifier.verify(text, now: now, revoked: revoked)
    }

    /// What to ask the registry: only for a code whose signature holds (a forged code learns nothing from it).
    static func registryQuestion(_ verdict: CodeVerdict) -> (number: String, issuer: String)? {
        guard let payload = verdict.payload, [.genuine, .expired, .revoked].contains(verdict.status) else { return nil }
        return (payload.number, payload.issuer)
    }

    /// The report of a code's verdict and what the registry said about it (nil: no registry asked).
    func report(_ text: String, decoded: DecodedCode?, verdict codeVerdict: CodeVerdict, facts: Result<VerificationFacts, Error>?,
                registryGiven: Bool, now: Date, source: String) -> VerificationReport {
        var verdict = codeVerdict
        var registryCheck: VerificationReport.Check?
        var registryInfo: VerificationReport.RegistryInfo?
        var revocationNote: String? = !registryGiven && revocations == nil ? "no registry or revocation list: revocation not checked" : nil
        switch facts {
        case nil:
            break
        case .failure(let error):
            verdict.status = .unverified
            verdict.reason = "verify.registry-unavailable"
            registryCheck = .init(name: "registry", passed: false, code: verdict.reason, note: "\(error)")
        case .success(let facts) where !facts.holdsIssuer:
            // A registry speaks only for the issuers whose batches it holds; another trusted issuer's
            // certificate is judged by its signature (and a revocation list, if given).
            if revocations == nil { revocationNote = "no registry or revocation list of this issuer: revocation not checked" }
            registryCheck = .init(name: "registry", passed: true, code: nil, note: "the registry holds no batch of this issuer: not consulted")
        case .success(let facts):
            if let revocation = facts.revocation, verdict.status == .genuine {
                verdict.status = .revoked
                verdict.reason = "verify.revoked"
                verdict.revocation = RevocationEntry(number: revocation.number, reason: revocation.reason, at: revocation.at)
            }
            if let record = facts.certificate {
                let matches = decoded.map { Self.sha256($0.coseBytes) } == record.payloadSHA256
                let batchHash = facts.batchHash ?? ""
                let approvals = facts.approvals.map { stored in
                    VerificationReport.ApprovalInfo(role: stored.role, issuerCode: stored.issuerCode, kid: stored.kid, signedAt: stored.signedAt,
                                                    verified: approvalVerified(stored, batchHash: batchHash))
                }
                registryInfo = .init(found: true, issuedOn: record.issuedOn, expiresOn: record.expiresOn, revokedAt: facts.revocation?.at,
                                     revocationReason: facts.revocation?.reason, replacedBy: facts.revocation?.replacedBy, replaces: record.replaces,
                                     batch: record.batchID, approvals: approvals, codeMatches: matches,
                                     pdfSHA256: facts.fileHashes)
                if matches {
                    registryCheck = .init(name: "registry", passed: true, code: nil, note: nil)
                } else {
                    registryCheck = .init(name: "registry", passed: false, code: Self.notIssued, note: "the code differs from the one issued under this number")
                }
            } else {
                registryInfo = .init(found: false, approvals: [])
                registryCheck = .init(name: "registry", passed: false, code: Self.notIssued, note: nil)
            }
            if registryCheck?.passed == false {
                verdict.status = .forged
                verdict.reason = Self.notIssued
            }
        }
        var report = VerificationReport(status: verdict.status, reason: verdict.reason, source: source, checkedAt: now, checks: [],
                                        certificate: nil, registry: registryInfo, pdf: nil, address: Self.address(text))
        // The code's checks, in order: those before the failing one passed; those after it were not made.
        let failing = Self.failedCheck[codeVerdict.reason] ?? (verdict.reason == "verify.revoked" ? "revocation" : nil)
        for name in Self.codeChecks {
            if name == failing {
                report.checks.append(.init(name: name, passed: false, code: verdict.reason == "verify.revoked" ? verdict.reason : codeVerdict.reason, note: nil))
                break
            }
            report.checks.append(.init(name: name, passed: true, code: nil, note: name == "revocation" ? revocationNote : nil))
        }
        if let registryCheck { report.checks.append(registryCheck) }
        if let payload = verdict.payload {
            report.certificate = .init(number: payload.number, name: payload.claims.name, maskedID: payload.claims.maskedID,
                                       certificate: payload.claims.kind, category: payload.claims.title, issuerCode: payload.claims.issuerCode,
                                       issuerName: verdict.issuer?.name, issuedAt: payload.issuedAt, expires: payload.expires, kid: verdict.kid?.hex)
        }
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
