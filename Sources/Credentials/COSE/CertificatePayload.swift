import Foundation

/// What a certificate's QR code carries, as CWT claims (RFC 8392): `iss` (1) = issuer code, `exp` (4) when
/// the certificate expires, `iat` (6) when it was issued (whole seconds since 1970), `cti` (7) = the UTF-8
/// bytes of the certificate number, and the private claim −65537 (`CertificateClaims`). No other claim is
/// written or accepted.
public struct CertificatePayload: Sendable, Equatable, Codable {
    public var issuer: String
    /// The certificate number (SHPX2026000123).
    public var number: String
    public var issuedAt: Date
    public var expires: Date?
    public var claims: CertificateClaims

    public init(issuer: String, number: String, issuedAt: Date, expires: Date?, claims: CertificateClaims) {
        self.issuer = issuer
        self.number = number
        self.issuedAt = issuedAt
        self.expires = expires
        self.claims = claims
    }

    static let privateClaim: Int64 = -65537
    /// Latest instant accepted: 9999-12-31T23:59:59Z.
    static let maxSeconds: UInt64 = 253_402_300_799
    /// Longest certificate number, in UTF-8 bytes.
    static let maxNumberBytes = 64

    /// The CWT claims map, deterministically encoded.
    public func cwt() -> [UInt8] {
        var pairs = [CBORPair(.int(1), .text(issuer)), CBORPair(.int(6), .int(ISOTime.wholeSeconds(issuedAt))),
                     CBORPair(.int(7), .bytes(Array(number.utf8))), CBORPair(.int(Self.privateClaim), claims.cbor)]
        if let expires { pairs.append(CBORPair(.int(4), .int(ISOTime.wholeSeconds(expires)))) }
        return CBOREncoder.encode(.map(pairs))
    }

    /// Reads the CWT claims map strictly.
    init(cwt bytes: [UInt8]) throws(CodeRejection) {
        let item: CBOR
        do { item = try CBORDecoder(maxSize: 2_048, maxDepth: 3).decode(bytes) } catch {
            throw .malformed("payload CBOR \(error.rule)")
        }
        guard let keys = item.integerKeys else { throw .malformed("payload is not a map of integer claim keys") }
        guard Set(keys).isSubset(of: [1, 4, 6, 7, Self.privateClaim]), Set(keys).isSuperset(of: [1, 6, 7, Self.privateClaim]) else {
            throw .malformed("payload claims are not iss, iat, cti, the private claim and optionally exp")
        }
        guard let iss = item[1]?.textValue, IssuerCode.isValid(iss) else { throw .malformed("iss is not an issuer code") }
        func instant(_ key: Int64, _ label: String) throws(CodeRejection) -> Date {
            guard case .unsigned(let seconds)? = item[key], seconds <= Self.maxSeconds else { throw .malformed("\(label) is not a time") }
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        let iat = try instant(6, "iat")
        let exp: Date? = item[4] == nil ? nil : try instant(4, "exp")
        if let exp, exp <= iat { throw .malformed("exp is not after iat") }
        guard let cti = item[7]?.bytesValue, !cti.isEmpty, cti.count <= Self.maxNumberBytes,
              let number = String(validating: cti, as: UTF8.self),
              !number.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " }) else {
            throw .malformed("cti is not a certificate number")
        }
        guard let claim = item[Self.privateClaim] else { throw .malformed("no private claim") }
        issuer = iss
        self.number = number
        issuedAt = iat
        expires = exp
        claims = try CertificateClaims(cbor: claim)
    }

    enum CodingKeys: String, CodingKey {
        case issuer, number, issuedAt = "issued-at", expires, claims
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        issuer = try c.decode(String.self, forKey: .issuer)
        number = try c.decode(String.self, forKey: .number)
        claims = try c.decode(CertificateClaims.self, forKey: .claims)
        guard let issued = ISOTime.parse(try c.decode(String.self, forKey: .issuedAt)) else {
            throw DecodingError.dataCorruptedError(forKey: .issuedAt, in: c, debugDescription: "not a UTC time like 2026-12-04T08:00:00Z")
        }
        issuedAt = issued
        if let text = try c.decodeIfPresent(String.self, forKey: .expires) {
            guard let date = ISOTime.parse(text) else {
                throw DecodingError.dataCorruptedError(forKey: .expires, in: c, debugDescription: "not a UTC time like 2031-12-04T08:00:00Z")
            }
            expires = date
        } else {
            expires = nil
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(number, forKey: .number)
        try c.encode(ISOTime.format(issuedAt), forKey: .issuedAt)
        try c.encode(expires.map(ISOTime.format), forKey: .expires)
        try c.encode(claims, forKey: .claims)
    }
}
