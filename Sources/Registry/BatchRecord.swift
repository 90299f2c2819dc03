import Foundation

/// One issued batch: its id (the hex hash of the batch's list), the issuer, the job file, when, how many
/// certificates and where its files went.
public struct BatchRecord: Sendable, Equatable, Codable {
    /// The batch hash (hex).
    public var id: String
    public var issuerCode: String
    /// The job file as given to `kaowu certify`.
    public var job: String
    public var at: Date
    public var count: Int
    /// The output folder.
    public var output: String

    public init(id: String, issuerCode: String, job: String, at: Date, count: Int, output: String) {
        self.id = id
        self.issuerCode = issuerCode
        self.job = job
        self.at = at
        self.count = count
        self.output = output
    }
}
