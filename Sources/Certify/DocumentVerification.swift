import Credentials
import Crypto
import Foundation
import Registry
import Scan
import Verification

/// Verifies a certificate PDF or a photo of a printed certificate: the QR code is read back from the page
/// (libzbar), its code verified (`CertificateVerifier`); for a PDF also its signature (whole file covered,
/// signed by a key of the code's issuer in the trust list) and that the registry issued this very file.
public struct DocumentVerification: Sendable {
    public let verifier: CertificateVerifier

    public init(verifier: CertificateVerifier) { self.verifier = verifier }

    /// The largest file taken (a certificate PDF is ~100 KB, a phone photo a few MB).
    public static let maxBytes = 64 << 20

    /// Reason codes of the document checks.
    public static let noCode = "verify.no-code"
    public static let unreadable = "verify.unreadable"

    /// Verifies the PDF at `path`.
    public func verifyPDF(path: String, now: Date = Date()) -> VerificationReport {
        guard let bytes = Self.read(path) else { return Self.failure(Self.unreadable, source: "pdf", now: now, check: "decode") }
        let sha = Hex.encode(SHA256.hash(data: bytes))
        let signature = PDFSignatureCheck.check(bytes)
        let codes = (try? QRScanner.scanPDF(path: path)) ?? []
        var report = pick(codes, now: now, source: "pdf")
        var info = VerificationReport.PDFInfo(sha256: sha, signed: false, signatureValid: false, coversWholeFile: false, signerKid: nil,
                                              signedAt: nil, registered: nil)
        var failure: String?
        switch signature {
        case .valid(_, let kidBytes, let signedAt, let whole):
            let kid = KeyID(bytes: kidBytes)
            info.signed = true
            info.signatureValid = true
            info.coversWholeFile = whole
            info.signerKid = kid?.hex
            info.signedAt = signedAt
            if !whole {
                failure = "verify.pdf-modified"
            } else if let kid, let entry = verifier.trust.key(for: kid) {
                if let issuer = report.certificate?.issuerCode, entry.issuer.code != issuer { failure = "verify.pdf-signer" }
            } else {
                failure = "verify.pdf-signer"
            }
        case .invalid(let reason):
            info.signed = reason != "verify.pdf-unsigned"
            failure = reason
        }
        report.checks.append(.init(name: "pdf-signature", passed: failure == nil, code: failure, note: nil))
        if let registry = verifier.registry, let number = report.certificate?.number, report.registry?.found == true {
            let files = (try? registry.files(number: number)) ?? []
            info.registered = files.contains { $0.pdfSHA256 == sha }
            if failure == nil, info.registered == false { failure = "verify.pdf-not-issued" }
            report.checks.append(.init(name: "pdf-file", passed: info.registered == true, code: info.registered == true ? nil : "verify.pdf-not-issued", note: nil))
        }
        report.pdf = info
        if let failure, report.status != .forged {
            report.status = .forged
            report.reason = failure
        }
        return report
    }

    /// Verifies a PNG or JPEG photo or scan of a printed certificate.
    public func verifyImage(path: String, now: Date = Date()) -> VerificationReport {
        guard FileManager.default.isReadableFile(atPath: path) else { return Self.failure(Self.unreadable, source: "image", now: now, check: "decode") }
        let codes: [String]
        do { codes = try QRScanner.scanImage(path: path) } catch {
            return Self.failure(Self.unreadable, source: "image", now: now, check: "decode")
        }
        return pick(codes, now: now, source: "image")
    }

    /// The report of the first code found that verifies best (a page may hold other QR codes).
    func pick(_ codes: [String], now: Date, source: String) -> VerificationReport {
        guard !codes.isEmpty else { return Self.failure(Self.noCode, source: source, now: now, check: "decode") }
        let reports = codes.prefix(8).map { verifier.verify(code: $0, now: now, source: source) }
        let rank: [VerificationStatus: Int] = [.genuine: 0, .expired: 1, .revoked: 2, .unverified: 3, .unknownIssuer: 4, .forged: 5]
        return reports.min { (rank[$0.status] ?? 9) < (rank[$1.status] ?? 9) }!
    }

    static func read(_ path: String) -> [UInt8]? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.intValue, size <= maxBytes,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }

    static func failure(_ code: String, source: String, now: Date, check: String) -> VerificationReport {
        VerificationReport(status: .forged, reason: code, source: source, checkedAt: now,
                           checks: [.init(name: check, passed: false, code: code, note: nil)], certificate: nil, registry: nil, pdf: nil, address: nil)
    }
}
