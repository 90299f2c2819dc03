/// The compact private claim of a certificate code (CWT claim key −65537): what a verifier compares with
/// the paper in front of them. In CBOR a map with small integer keys: 1 name, 2 masked ID, 3 kind,
/// 4 title (or level), 5 issuer code — all text.
public struct CertificateClaims: Sendable, Equatable, Codable {
    public var name: String
    /// `IDMask.mask` of the holder's document number.
    public var maskedID: String
    /// 电子证书, 合格证, …
    public var kind: String
    /// The certificate's title or level (培训项目, 等级).
    public var title: String
    public var issuerCode: String

    public init(name: String, maskedID: String, kind: String, title: String, issuerCode: String) {
        self.name = name
        self.maskedID = maskedID
        self.kind = kind
        self.title = title
        self.issuerCode = issuerCode
    }

    enum CodingKeys: String, CodingKey {
        case name, maskedID = "masked-id", kind, title, issuerCode = "issuer-code"
    }

    /// Longest text of one claim, in UTF-8 bytes (a QR code could not carry more anyway).
    static let maxBytes = 256

    var cbor: CBOR {
        .map([CBORPair(.int(1), .text(name)), CBORPair(.int(2), .text(maskedID)), CBORPair(.int(3), .text(kind)),
              CBORPair(.int(4), .text(title)), CBORPair(.int(5), .text(issuerCode))])
    }

    init(cbor: CBOR) throws(CodeRejection) {
        guard let keys = cbor.integerKeys, keys.sorted() == [1, 2, 3, 4, 5] else {
            throw .malformed("private claim is not a map of exactly keys 1-5")
        }
        func text(_ key: Int64, _ label: String) throws(CodeRejection) -> String {
            guard let value = cbor[key]?.textValue else { throw .malformed("private claim \(label) is not text") }
            guard !value.isEmpty, value.utf8.count <= Self.maxBytes else { throw .malformed("private claim \(label) is empty or too long") }
            guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw .malformed("private claim \(label) holds control characters")
            }
            return value
        }
        name = try text(1, "name")
        maskedID = try text(2, "masked ID")
        kind = try text(3, "kind")
        title = try text(4, "title")
        issuerCode = try text(5, "issuer code")
        guard IssuerCode.isValid(issuerCode) else { throw .malformed("private claim issuer code is not an issuer code") }
    }
}
