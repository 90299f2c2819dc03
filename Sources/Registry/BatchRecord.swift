import Foundation

/// One issued batch: its id, the hex hash of its list (what approvers signed), the issuer, the job file,
/// when, how many certificates and where its files went.
public struct BatchRecord: Sendable, Equatable, Codable {
    /// The batch's id (`B20261204T093005-1f3a9c2e4b5d-7c21`: time, start of the hash, a random part).
    public var id: String
    /// The hex SHA-256 of the batch's list, as approvers signed it.
    public var hash: String
    public var issuerCode: String
    /// The job file as given to `kaowu certify`.
    public var job: String
    public var at: Date
    public var count: Int
    /// The output folder.
    public var output: String

    public init(id: String, hash: String, issuerCode: String, job: String, at: Date, count: Int, output: String) {
        self.id = id
        self.hash = hash
        self.issuerCode = issuerCode
        self.job = job
        self.at = at
        self.count = count
        self.output = output
    }
}
