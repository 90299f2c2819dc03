import Support

/// What a certificate run did: the batch, the counts, the files, the problems and the holders not certified.
public struct CertifyResult: Sendable {
    /// Where the batch went (folder and zip), or the proposal written with `--propose`.
    public var folder: String
    public var zip: String
    public var batchID: String
    public var batchHash: String
    public var rows: Int
    public var issued: Int
    public var kept: Int
    public var reissued: Int
    public var notCertified: [NotCertified]
    public var problems: [Problem]
    public var seconds: Double
    /// Per-file cost split, summed over the batch (seconds of CPU across threads): rendering, signing, writing.
    public var renderSeconds: Double
    public var signSeconds: Double
    public var writeSeconds: Double
    /// With `--propose`: the proposal's path and whether approvals are still missing.
    public var proposal: String?
    public var errors: Int { problems.filter { $0.severity == .error }.count }
}
