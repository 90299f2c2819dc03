import Credentials
import Crypto
import Foundation

/// What a batch issues, as approvers sign it: the job's terms and every certificate with what is printed on
/// it. Its hash (SHA-256 of the sorted-key JSON) is what each approver signs, so any change to the list —
/// a name, a number, one more holder, another date — makes a new hash and the approvals no longer hold.
public struct BatchContent: Codable, Sendable, Equatable {
    /// One certificate in the list.
    public struct Entry: Codable, Sendable, Equatable {
        public var number: String
        public var status: String
        public var replaces: String?
        public var name: String
        public var maskedID: String
        public var holderKey: String
        public var category: String
        public var detailsHash: String
        public var row: Int
    }

    public var issuer: String
    public var issuerName: String
    public var kind: String
    public var title: String
    public var level: String
    public var issued: String
    public var expires: String?
    public var verifyURL: String
    public var certificates: [Entry]

    /// The canonical bytes (sorted keys, no extra space).
    public func canonical() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The hex SHA-256 of the canonical bytes: the batch's id and what approvers sign.
    public func hash() throws -> String {
        Hex.encode(SHA256.hash(data: try canonical()))
    }
}
