import Crypto
import Foundation
import SwiftASN1
import Support
import X509

/// Makes an issuer's signing key in its key folder (`kaowu keys generate`): a new ECDSA P-256 key written
/// as PKCS#8 PEM with mode 0600 (`<CODE>-<kidhex>.key.pem`), its self-signed X.509 certificate
/// (`.cert.pem`), optionally a PKCS#10 request for a real CA (`.csr.pem`), and the folder's `trust.json`
/// created or extended. Generating again into the same folder is key rotation: the list gains a key, the
/// new key signs from now on, the old ones keep verifying what they signed.
public enum KeyGeneration {
    /// `1.3.6.1.5.5.7.3.36`, id-kp-documentSigning (RFC 9336).
    static let documentSigning: ASN1ObjectIdentifier = [1, 3, 6, 1, 5, 5, 7, 3, 36]

    /// The folder's new key. `verifyURL` (the issuer's verification service) is written into `trust.json`.
    public static func generate(issuer: String, code: String, role: String?, folder: String, validity years: Int, csr: Bool, now: Date,
                                verifyURL: String? = nil) throws -> IssuerKey {
        let name = TextCleaner.asWritten(issuer)
        guard !name.isEmpty, !name.contains("\n") else { throw KeyFileError.emptyName }
        guard IssuerCode.isValid(code) else { throw KeyFileError.invalidCode(code: code) }
        guard (1...30).contains(years) else { throw KeyFileError.invalidYears(years: years) }
        let role = role.map(TextCleaner.asWritten).flatMap { $0.isEmpty ? nil : $0 }
        let url = verifyURL.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }

        var list = TrustList()
        switch FilePath.kind(of: folder) {
        case .missing:
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) } catch {
                throw KeyFileError.writeFailed(file: folder, reason: error.localizedDescription)
            }
        case .folder:
            let trustPath = (folder as NSString).appendingPathComponent("trust.json")
            if FilePath.kind(of: trustPath) != .missing {
                let (existing, known) = try IssuerKey.folderTrust(folder)
                guard known.code == code, known.name == name, known.role == role else {
                    throw KeyFileError.otherIssuer(folder: folder, name: known.name, code: known.code)
                }
                list = existing
            }
        case .regular, .special:
            throw KeyFileError.fileInTheWay(file: folder)
        }

        let privateKey = P256.Signing.PrivateKey()
        let kid = KeyID(publicKey: privateKey.publicKey)
        let from = ISOTime.truncated(now)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let until = calendar.date(byAdding: .year, value: years, to: from) else { throw KeyFileError.invalidYears(years: years) }
        let certificate = try selfSigned(privateKey, name: name, from: from, until: until)
        let trusted = try TrustedKey(certificate: certificate, publicKey: privateKey.publicKey)
        let issuerEntry = TrustedIssuer(name: name, code: code, role: role, verifyURL: url, keys: [])
        list.add(trusted, to: issuerEntry)

        func path(_ file: String) -> String { (folder as NSString).appendingPathComponent(file) }
        var made: [String] = []
        do {
            let keyPath = path(IssuerKey.keyFileName(code: code, kid: kid))
            try PrivateKeyFile.save(privateKey, to: keyPath)
            made.append(keyPath)
            let certificatePath = path(IssuerKey.certificateFileName(code: code, kid: kid))
            try SecureFile.create(certificatePath, bytes: Array(try certificate.serializeAsPEM().pemString.utf8) + [0x0A], mode: 0o644)
            made.append(certificatePath)
            if csr {
                let requestPath = path(IssuerKey.requestFileName(code: code, kid: kid))
                try SecureFile.create(requestPath, bytes: Array(try request(privateKey, name: name).serializeAsPEM().pemString.utf8) + [0x0A], mode: 0o644)
                made.append(requestPath)
            }
            try SecureFile.replace(path("trust.json"), bytes: Array(try list.json()), mode: 0o644)
        } catch {
            for file in made { unlink(file) }
            throw error
        }
        return IssuerKey(issuer: list.issuer(code: code)!, key: trusted, privateKey: privateKey, certificate: certificate)
    }

    /// The subject of an issuer's certificates: CN and O = the issuer's name.
    static func subject(_ name: String) throws -> DistinguishedName {
        try DistinguishedName {
            CommonName(name)
            OrganizationName(name)
        }
    }

    /// What a document-signing certificate says it may do: sign (digital signature, non-repudiation), for
    /// documents and e-mail protection (S/MIME-style CMS signatures, which PDF readers check against).
    static func extensions(_ publicKey: Certificate.PublicKey) throws -> Certificate.Extensions {
        try Certificate.Extensions {
            Critical(BasicConstraints.notCertificateAuthority)
            Critical(KeyUsage(digitalSignature: true, nonRepudiation: true))
            try ExtendedKeyUsage([ExtendedKeyUsage.Usage(oid: documentSigning), .emailProtection])
            SubjectKeyIdentifier(hash: publicKey)
        }
    }

    static func selfSigned(_ key: P256.Signing.PrivateKey, name: String, from: Date, until: Date) throws -> Certificate {
        let signer = Certificate.PrivateKey(key)
        let subject = try subject(name)
        return try Certificate(version: .v3, serialNumber: serial(), publicKey: signer.publicKey,
                               notValidBefore: from, notValidAfter: until, issuer: subject, subject: subject,
                               signatureAlgorithm: .ecdsaWithSHA256, extensions: try extensions(signer.publicKey), issuerPrivateKey: signer)
    }

    static func request(_ key: P256.Signing.PrivateKey, name: String) throws -> CertificateSigningRequest {
        let signer = Certificate.PrivateKey(key)
        var attributes = CertificateSigningRequest.Attributes()
        attributes.insert(try CertificateSigningRequest.Attribute(ExtensionRequest(extensions: try extensions(signer.publicKey))))
        return try CertificateSigningRequest(version: .v1, subject: try subject(name), privateKey: signer, attributes: attributes,
                                             signatureAlgorithm: .ecdsaWithSHA256)
    }

    /// A random serial that encodes in at most 20 octets (RFC 5280 §4.1.2.2): NSS, and so pdfsig, cannot use a
    /// signer certificate whose serial takes 21 (swift-certificates' `SerialNumber()` makes 20 random bytes, 21
    /// once DER adds a zero before a first byte with its high bit set), and shows it as an unknown signer.
    static func serial() -> Certificate.SerialNumber {
        var bytes = (0..<20).map { _ in UInt8.random(in: 0...255) }
        bytes[0] = bytes[0] & 0x7F | 0x01
        return Certificate.SerialNumber(bytes: bytes)
    }
}
