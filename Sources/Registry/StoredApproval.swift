import Foundation

/// An approval of a batch as the registry keeps it: the approving role, its issuer code and key, when, and
/// the COSE_Sign1 bytes (so the approval can be checked again later).
public struct StoredApproval: Sendable, Equatable, Codable {
    public var batchID: String
    /// 培训机构, 评价组织, …
    public var role: String
    public var issuerCode: String
    /// Hex kid of the approving key.
    public var kid: String
    public var signedAt: Date
    public var cose: [UInt8]

    public init(batchID: String, role: String, issuerCode: String, kid: String, signedAt: Date, cose: [UInt8]) {
        self.batchID = batchID
        self.role = role
        self.issuerCode = issuerCode
        self.kid = kid
        self.signedAt = signedAt
        self.cose = cose
    }
}
