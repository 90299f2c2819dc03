import Foundation

/// One revoked certificate: its number, the reason (`reissued`, or the issuer's own words) and when.
public struct RevocationEntry: Sendable, Equatable, Codable {
    public var number: String
    public var reason: String
    public var at: Date

    public init(number: String, reason: String, at: Date) {
        self.number = number
        self.reason = reason
        self.at = at
    }

    enum CodingKeys: String, CodingKey { case number, reason, at }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        number = try c.decode(String.self, forKey: .number)
        reason = try c.decode(String.self, forKey: .reason)
        guard let date = ISOTime.parse(try c.decode(String.self, forKey: .at)) else {
            throw DecodingError.dataCorruptedError(forKey: .at, in: c, debugDescription: "not a UTC time like 2026-12-04T08:00:00Z")
        }
        at = date
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(reason, forKey: .reason)
        try c.encode(ISOTime.format(at), forKey: .at)
    }
}
