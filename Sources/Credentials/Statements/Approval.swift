import Foundation

/// One approver's signature on a proposed batch (dual sign-off): the role it approves as (培训机构,
/// 评价组织), the approver's issuer code and kid, the batch's hash (hex SHA-256) and when. `cose` is the
/// signed statement itself (base64 in JSON); the other fields say what it holds and are checked against it.
public struct Approval: Sendable, Codable, Equatable {
    public var role: String
    public var issuerCode: String
    public var kid: KeyID
    /// Hex SHA-256 of the batch.
    public var batchHash: String
    public var signedAt: Date
    public var cose: [UInt8]

    static let kind = "kaowu-approval-v1"
    static let maxSize = 4_096

    public init(role: String, issuerCode: String, kid: KeyID, batchHash: String, signedAt: Date, cose: [UInt8]) {
        self.role = role
        self.issuerCode = issuerCode
        self.kid = kid
        self.batchHash = batchHash
        self.signedAt = signedAt
        self.cose = cose
    }

    /// `key` approves the batch with `batchHash` as `role`, which must be the key's own role
    /// (`kaowu keys generate --role`).
    public static func sign(batchHash: String, role: String, key: IssuerKey, at date: Date) throws -> Approval {
        func refuse(_ detail: String) -> ApprovalRejection { ApprovalRejection("approval.cannot-sign", role: role, detail: detail) }
        guard isHash(batchHash) else { throw refuse("the batch hash is not 64 lower-case hex digits") }
        guard let keyRole = key.role else { throw refuse("the key of \(key.issuerCode) has no role; generate approver keys with --role") }
        guard keyRole == role else { throw refuse("the key of \(key.issuerCode) has the role \(keyRole), not \(role)") }
        let at = ISOTime.truncated(date)
        guard key.trusted.isValid(at: at) else { throw refuse("the key \(key.kid.hex) is not valid at \(ISOTime.format(at))") }
        let cose = try SignedStatement.sign(kind: kind, [CBORPair(.int(1), .text(batchHash)), CBORPair(.int(2), .text(role)),
                                                         CBORPair(.int(3), .text(key.issuerCode)), CBORPair(.int(4), .int(ISOTime.wholeSeconds(at)))], key: key)
        return Approval(role: role, issuerCode: key.issuerCode, kid: key.kid, batchHash: batchHash, signedAt: at, cose: cose)
    }

    /// Checks the signature against `trust`, that the signed statement says what the fields say, that the
    /// signing key belongs to the issuer and role named and was valid when it signed, and that it approved
    /// `expectedHash` (the batch as it is now).
    public func verify(expectedHash: String, trust: TrustList) throws {
        func reject(_ reason: String, _ detail: String) -> ApprovalRejection { ApprovalRejection(reason, role: role, detail: detail) }
        let opened: (kid: KeyID, issuer: TrustedIssuer, key: TrustedKey, body: CBOR)
        do { opened = try SignedStatement.open(cose, kind: Self.kind, trust: trust, maxSize: Self.maxSize) } catch {
            switch error {
            case .malformed(let detail): throw reject("approval.malformed", detail)
            case .unknownKey(let kid): throw reject("approval.unknown-key", "kid \(kid.hex)")
            case .badSignature(let kid): throw reject("approval.bad-signature", "kid \(kid.hex)")
            }
        }
        let body = opened.body
        guard body.integerKeys?.sorted() == [0, 1, 2, 3, 4], let hash = body[1]?.textValue, let signedRole = body[2]?.textValue,
              let code = body[3]?.textValue, let at = SignedStatement.instant(body, 4) else {
            throw reject("approval.malformed", "the statement's fields are not batch hash, role, issuer code and time")
        }
        guard opened.kid == kid, hash == batchHash, signedRole == role, code == issuerCode, at == signedAt else {
            throw reject("approval.mismatch", "signed: \(code) \(signedRole) \(hash.prefix(12)) at \(ISOTime.format(at))")
        }
        guard code == opened.issuer.code else { throw reject("approval.mismatch", "signed as \(code) by a key of \(opened.issuer.code)") }
        guard opened.issuer.role == role else {
            throw reject("approval.role-mismatch", "the key of \(opened.issuer.code) has the role \(opened.issuer.role ?? "none")")
        }
        guard opened.key.isValid(at: at) else { throw reject("approval.key-not-valid", "kid \(kid.hex) at \(ISOTime.format(at))") }
        guard hash == expectedHash else { throw reject("approval.batch-changed", "approved \(hash.prefix(12))…, the batch is \(expectedHash.prefix(12))…") }
    }

    static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }

    enum CodingKeys: String, CodingKey {
        case role, issuerCode = "issuer-code", kid, batchHash = "batch-hash", signedAt = "signed-at", cose
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        role = try c.decode(String.self, forKey: .role)
        issuerCode = try c.decode(String.self, forKey: .issuerCode)
        kid = try c.decode(KeyID.self, forKey: .kid)
        batchHash = try c.decode(String.self, forKey: .batchHash)
        guard let at = ISOTime.parse(try c.decode(String.self, forKey: .signedAt)) else {
            throw DecodingError.dataCorruptedError(forKey: .signedAt, in: c, debugDescription: "not a UTC time like 2026-12-04T08:00:00Z")
        }
        signedAt = at
        guard let bytes = Data(base64Encoded: try c.decode(String.self, forKey: .cose)), bytes.count <= Self.maxSize else {
            throw DecodingError.dataCorruptedError(forKey: .cose, in: c, debugDescription: "not base64 of at most \(Self.maxSize) bytes")
        }
        cose = Array(bytes)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(role, forKey: .role)
        try c.encode(issuerCode, forKey: .issuerCode)
        try c.encode(kid, forKey: .kid)
        try c.encode(batchHash, forKey: .batchHash)
        try c.encode(ISOTime.format(signedAt), forKey: .signedAt)
        try c.encode(Data(cose).base64EncodedString(), forKey: .cose)
    }
}
