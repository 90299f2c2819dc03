import Foundation

/// A revoked certificate: why (`reissued` when a new certificate replaced it), when, and the number that
/// replaced it, if one did.
public struct StoredRevocation: Sendable, Equatable, Codable {
    public var number: String
    public var reason: String
    public var at: Date
    public var replacedBy: String?

    public init(number: String, reason: String, at: Date, replacedBy: String? = nil) {
        self.number = number
        self.reason = reason
        self.at = at
        self.replacedBy = replacedBy
    }
}
