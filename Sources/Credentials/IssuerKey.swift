import Crypto
import Foundation
import X509

/// One issuer's signing key loaded from a key folder: the private key and its X.509 certificate, with the
/// issuer's name, code and (for an approver's key) role. It describes itself — in `print`, string
/// interpolation, `dump` and the debugger — by issuer, code and kid only: the private key never shows.
public struct IssuerKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public let issuerName: String
    public let issuerCode: String
    public let role: String?
    public let kid: KeyID
    /// The private key (swift-crypto's key type is not `Sendable`, so the key is kept as its 32 raw bytes
    /// and made again on each use).
    public var privateKey: P256.Signing.PrivateKey {
        guard let key = try? P256.Signing.PrivateKey(rawRepresentation: secret) else {
            preconditionFailure("the raw bytes of a valid P-256 key always make the key again")
        }
        return key
    }
    private let secret: [UInt8]
    /// Self-signed, or the CA-issued one installed later (`kaowu keys install-cert`).
    public let certificate: Certificate
    /// The published entry of this key (validity, certificate).
    public let trusted: TrustedKey

    init(issuer: TrustedIssuer, key: TrustedKey, privateKey: P256.Signing.PrivateKey, certificate: Certificate) {
        issuerName = issuer.name
        issuerCode = issuer.code
        role = issuer.role
        kid = key.kid
        trusted = key
        secret = Array(privateKey.rawRepresentation)
        self.certificate = certificate
    }

    public var description: String { "IssuerKey(\(issuerName), \(issuerCode)\(role.map { ", " + $0 } ?? ""), kid \(kid.hex))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["issuerName": issuerName, "issuerCode": issuerCode, "role": role as Any, "kid": kid.hex], displayStyle: .struct)
    }

    /// The file name of a key's private key in its folder: `SHPX-<kid hex>.key.pem`.
    public static func keyFileName(code: String, kid: KeyID) -> String { "\(code)-\(kid.hex).key.pem" }
    /// The file name of a key's certificate: `SHPX-<kid hex>.cert.pem`.
    public static func certificateFileName(code: String, kid: KeyID) -> String { "\(code)-\(kid.hex).cert.pem" }
    /// The file name of a key's certificate signing request: `SHPX-<kid hex>.csr.pem`.
    public static func requestFileName(code: String, kid: KeyID) -> String { "\(code)-\(kid.hex).csr.pem" }

    /// The trust list of a key folder (`trust.json`), which must name exactly one issuer.
    public static func folderTrust(_ folder: String) throws -> (list: TrustList, issuer: TrustedIssuer) {
        let path = (folder as NSString).appendingPathComponent("trust.json")
        guard FileManager.default.fileExists(atPath: path) else { throw KeyFileError.notKeyFolder(folder: folder) }
        let list = try TrustList.load(path: path)
        guard list.issuers.count == 1 else { throw KeyFileError.severalIssuers(folder: folder, codes: list.issuers.map(\.code)) }
        return (list, list.issuers[0])
    }

    /// The current key of the folder: of its keys valid at `date` whose private key file is present, the
    /// newest (key rotation: the key generated last signs). Reads `trust.json` and
    /// `<CODE>-<kidhex>.key.pem`, refusing a key file that is not a regular file, not owned by the user, or
    /// readable by group or others.
    public static func load(folder: String, at date: Date = Date()) throws -> IssuerKey {
        let (_, issuer) = try folderTrust(folder)
        let candidates = issuer.keys.filter { $0.isValid(at: date) }.sorted { ($0.notBefore, $0.kid.hex) > ($1.notBefore, $1.kid.hex) }
        for key in candidates {
            let file = (folder as NSString).appendingPathComponent(keyFileName(code: issuer.code, kid: key.kid))
            guard FileManager.default.fileExists(atPath: file) else { continue }
            let privateKey = try PrivateKeyFile.load(file)
            guard KeyID(publicKey: privateKey.publicKey) == key.kid else { throw KeyFileError.keyMismatch(file: file, kid: key.kid.hex) }
            guard let certificate = key.x509 else { throw KeyFileError.invalidCertificate(file: (folder as NSString).appendingPathComponent("trust.json")) }
            return IssuerKey(issuer: issuer, key: key, privateKey: privateKey, certificate: certificate)
        }
        throw KeyFileError.noValidKey(folder: folder, date: ISOTime.format(date))
    }
}
