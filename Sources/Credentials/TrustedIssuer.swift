import Foundation

/// One issuer of a trust list: its name (上海市培训协会), code (SHPX), role when its keys approve batches
/// (培训机构, 评价组织), the address of its verification service, and every key it ever published — old
/// keys stay so the certificates they signed keep verifying.
public struct TrustedIssuer: Sendable, Equatable, Codable {
    public var name: String
    public var code: String
    public var role: String?
    public var verifyURL: String?
    public var keys: [TrustedKey]

    public init(name: String, code: String, role: String?, verifyURL: String?, keys: [TrustedKey]) {
        self.name = name
        self.code = code
        self.role = role
        self.verifyURL = verifyURL
        self.keys = keys
    }

    enum CodingKeys: String, CodingKey {
        case name, code, role, verifyURL = "verify-url", keys
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        code = try c.decode(String.self, forKey: .code)
        role = try c.decodeIfPresent(String.self, forKey: .role)
        verifyURL = try c.decodeIfPresent(String.self, forKey: .verifyURL)
        keys = try c.decode([TrustedKey].self, forKey: .keys)
        guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .name, in: c, debugDescription: "the issuer's name is empty")
        }
        guard IssuerCode.isValid(code) else {
            throw DecodingError.dataCorruptedError(forKey: .code, in: c, debugDescription: "\"\(code)\" is not an issuer code (2–16 of A–Z and 0–9)")
        }
        if role?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true {
            throw DecodingError.dataCorruptedError(forKey: .role, in: c, debugDescription: "the role is empty (write null for none)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(code, forKey: .code)
        try c.encode(role, forKey: .role)
        try c.encodeIfPresent(verifyURL, forKey: .verifyURL)
        try c.encode(keys, forKey: .keys)
    }

    /// The key that signs at `date`: of those valid then, the one that became valid last.
    public func signingKey(at date: Date) -> TrustedKey? {
        keys.filter { $0.isValid(at: date) }.max { ($0.notBefore, $0.kid.hex) < ($1.notBefore, $1.kid.hex) }
    }
}
