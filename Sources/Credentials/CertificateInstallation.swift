import Crypto
import Foundation
import SwiftASN1
import X509

/// `kaowu keys install-cert CERT.pem --out DIR`: puts a CA-issued certificate in place of the self-signed
/// one for the folder's key with the same public key. The key's `.cert.pem` is replaced (it is kaowu's,
/// for the same key) and its `trust.json` entry takes the new certificate and its not-after; its not-before
/// stays the key's unless the certificate's is earlier, so codes the key already signed keep verifying.
public enum CertificateInstallation {
    /// Installs the first certificate of the PEM file at `path` into `folder`; returns the updated entry.
    public static func install(certificate path: String, folder: String, now: Date = Date()) throws -> TrustedKey {
        let (list, issuer) = try IssuerKey.folderTrust(folder)
        let certificate = try read(path)
        guard let publicKey = P256.Signing.PublicKey(certificate.publicKey),
              let existing = issuer.keys.first(where: { $0.publicKey == Array(publicKey.derRepresentation) }) else {
            throw KeyFileError.certificateForNoKey(file: path, folder: folder)
        }
        guard certificate.notValidAfter > now else {
            throw KeyFileError.certificateUnusable(file: path, why: .init(zh: "证书已于 \(ISOTime.format(certificate.notValidAfter)) 过期",
                                                                           en: "it expired at \(ISOTime.format(certificate.notValidAfter))"))
        }
        if let usage = try? certificate.extensions.keyUsage, !usage.digitalSignature, !usage.nonRepudiation {
            throw KeyFileError.certificateUnusable(file: path, why: .init(zh: "证书的密钥用途不含数字签名", en: "its key usage allows no digital signature"))
        }
        var updated = try TrustedKey(certificate: certificate, publicKey: publicKey)
        // Codes the key already signed keep verifying: its validity never starts later than it did.
        updated.notBefore = min(updated.notBefore, existing.notBefore)
        let certificatePath = (folder as NSString).appendingPathComponent(IssuerKey.certificateFileName(code: issuer.code, kid: existing.kid))
        // Only kaowu's certificate file for this very key is replaced.
        if FileManager.default.fileExists(atPath: certificatePath) {
            guard let old = try? read(certificatePath), P256.Signing.PublicKey(old.publicKey)?.derRepresentation == publicKey.derRepresentation else {
                throw KeyFileError.fileInTheWay(file: certificatePath)
            }
        }
        var newList = list
        newList.replace(updated)
        try SecureFile.replace(certificatePath, bytes: Array(try certificate.serializeAsPEM().pemString.utf8) + [0x0A], mode: 0o644)
        try SecureFile.replace((folder as NSString).appendingPathComponent("trust.json"), bytes: Array(try newList.json()), mode: 0o644)
        return updated
    }

    /// The first certificate of a PEM file (a CA may send the chain).
    static func read(_ path: String) throws -> Certificate {
        guard let data = FileManager.default.contents(atPath: path) else { throw KeyFileError.unreadable(file: path, reason: "no such file or not readable") }
        guard data.count <= 1 << 20, let text = String(data: data, encoding: .utf8),
              let first = (try? PEMDocument.parseMultiple(pemString: text))?.first(where: { $0.discriminator == "CERTIFICATE" }),
              let certificate = try? Certificate(derEncoded: first.derBytes) else {
            throw KeyFileError.invalidCertificate(file: path)
        }
        return certificate
    }
}
