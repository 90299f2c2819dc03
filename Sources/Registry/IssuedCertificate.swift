import Foundation

/// One certificate as the registry keeps it: its number and identity, what was printed on it (masked ID,
/// never the ID number: `holderKey` is a hash of it), its dates, the QR text and payload hash, and the
/// batch that issued it. `issuedAt` is kept to the millisecond.
public struct IssuedCertificate: Sendable, Equatable, Codable {
    /// 证书编号, unique in the registry.
    public var number: String
    public var issuerCode: String
    /// Hex kid of the key that signed the QR payload.
    public var kid: String
    /// Hex SHA-256 of the holder's normalised document number (Credentials' `HolderKey`).
    public var holderKey: String
    /// "Same certificate" identity: issuer|kind|title|category.
    public var certificateKey: String
    /// Hex hash of what was printed, to see a changed person.
    public var detailsHash: String
    public var name: String
    public var maskedID: String
    public var kind: String
    public var title: String
    public var category: String
    /// yyyy-MM-dd.
    public var issuedOn: String
    /// yyyy-MM-dd, nil when the certificate does not expire.
    public var expiresOn: String?
    public var issuedAt: Date
    public var qrText: String
    public var payloadSHA256: String
    /// The part of the number before its sequence (`SHPX2026`), with `sequence` unique per issuer.
    public var sequencePrefix: String
    public var sequence: Int
    public var batchID: String
    /// 原证编号: the number this certificate replaces (补（换）证), not necessarily one in the registry.
    public var replaces: String?
    public var photoShown: Bool

    public init(number: String, issuerCode: String, kid: String, holderKey: String, certificateKey: String, detailsHash: String,
                name: String, maskedID: String, kind: String, title: String, category: String, issuedOn: String, expiresOn: String?,
                issuedAt: Date, qrText: String, payloadSHA256: String, sequencePrefix: String, sequence: Int, batchID: String,
                replaces: String?, photoShown: Bool) {
        self.number = number
        self.issuerCode = issuerCode
        self.kid = kid
        self.holderKey = holderKey
        self.certificateKey = certificateKey
        self.detailsHash = detailsHash
        self.name = name
        self.maskedID = maskedID
        self.kind = kind
        self.title = title
        self.category = category
        self.issuedOn = issuedOn
        self.expiresOn = expiresOn
        self.issuedAt = issuedAt
        self.qrText = qrText
        self.payloadSHA256 = payloadSHA256
        self.sequencePrefix = sequencePrefix
        self.sequence = sequence
        self.batchID = batchID
        self.replaces = replaces
        self.photoShown = photoShown
    }
}
