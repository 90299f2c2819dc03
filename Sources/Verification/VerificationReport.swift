import Credentials
import Foundation

/// What a verifier learns about one certificate (`kaowu verify --json`, and the service's JSON): the
/// status, the reason code, each check in the order it was made, the certificate's fields as signed, what
/// the registry holds (status, revocation, approvals) and, for a PDF, its signature. Stable schema.
public struct VerificationReport: Codable, Sendable, Equatable {
    /// One check and its outcome.
    public struct Check: Codable, Sendable, Equatable {
        /// decode, signature, issuer, validity, revocation, registry, pdf-signature, pdf-file
        public var name: String
        public var passed: Bool
        /// The reason code when it did not pass (`verify.bad-signature`, …); nil when it passed.
        public var code: String?
        public var note: String?

        public init(name: String, passed: Bool, code: String?, note: String?) {
            self.name = name
            self.passed = passed
            self.code = code
            self.note = note
        }
    }

    /// The certificate as its signed code says.
    public struct Certificate: Codable, Sendable, Equatable {
        public var number: String
        public var name: String
        public var maskedID: String
        public var certificate: String
        public var category: String
        public var issuerCode: String
        public var issuerName: String?
        public var issuedAt: Date
        public var expires: Date?
        public var kid: String?
    }

    /// A sign-off kept with the batch that issued the certificate.
    public struct ApprovalInfo: Codable, Sendable, Equatable {
        public var role: String
        public var issuerCode: String
        public var kid: String
        public var signedAt: Date
        /// Whether its signature verifies against the trust list given (nil: the role's key is not in it).
        public var verified: Bool?
    }

    /// What the registry holds for the number.
    public struct RegistryInfo: Codable, Sendable, Equatable {
        public var found: Bool
        public var issuedOn: String?
        public var expiresOn: String?
        public var revokedAt: Date?
        public var revocationReason: String?
        public var replacedBy: String?
        public var replaces: String?
        public var batch: String?
        public var approvals: [ApprovalInfo]
        /// Whether the code scanned is byte for byte the one the registry issued.
        public var codeMatches: Bool?
        /// The SHA-256 (hex) of each PDF file issued for the certificate, oldest first (nil: not read).
        public var pdfSHA256: [String]?
    }

    /// A PDF's signature.
    public struct PDFInfo: Codable, Sendable, Equatable {
        public var sha256: String
        public var signed: Bool
        public var signatureValid: Bool
        public var coversWholeFile: Bool
        public var signerKid: String?
        public var signedAt: Date?
        /// Whether the registry lists this file's hash for the certificate (nil: no registry).
        public var registered: Bool?

        public init(sha256: String, signed: Bool, signatureValid: Bool, coversWholeFile: Bool, signerKid: String?, signedAt: Date?, registered: Bool?) {
            self.sha256 = sha256
            self.signed = signed
            self.signatureValid = signatureValid
            self.coversWholeFile = coversWholeFile
            self.signerKid = signerKid
            self.signedAt = signedAt
            self.registered = registered
        }
    }

    public var status: VerificationStatus
    public var reason: String
    /// `code`, `pdf` or `image`.
    public var source: String
    public var checkedAt: Date
    public var checks: [Check]
    public var certificate: Certificate?
    public var registry: RegistryInfo?
    public var pdf: PDFInfo?
    /// The address the QR code pointed at (upper case, before `/1/`), when it had one.
    public var address: String?

    public init(status: VerificationStatus, reason: String, source: String, checkedAt: Date, checks: [Check], certificate: Certificate?,
                registry: RegistryInfo?, pdf: PDFInfo?, address: String?) {
        self.status = status
        self.reason = reason
        self.source = source
        self.checkedAt = checkedAt
        self.checks = checks
        self.certificate = certificate
        self.registry = registry
        self.pdf = pdf
        self.address = address
    }

    public var isGenuine: Bool { status == .genuine }

    /// The JSON of the report (sorted keys, ISO 8601 dates).
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}
