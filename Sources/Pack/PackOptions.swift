import Foundation
import Support

/// How to run a pack beyond what the job file says.
public struct PackOptions: Sendable {
    /// The pack's folder instead of the job's `output`.
    public var output: String?
    /// A previous 排考明细.xlsx whose seats and numbers are kept.
    public var keep: String?
    public var language: Language = .zh
    public var threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Seconds since 1970 to date every file with (`SOURCE_DATE_EPOCH`); nil uses the exam's date.
    public var sourceDateEpoch: Int?
    /// Told about progress: a stage and how far it is.
    public var progress: (@Sendable (PackProgress) -> Void)?

    public init() {}
}

/// Where a running pack is: the stage (validating, rendering, …), work done and work in all.
public struct PackProgress: Sendable {
    public enum Stage: Sendable { case validating, seating, rendering, writing, zipping }
    public var stage: Stage
    public var done: Int
    public var total: Int
    public var note: String
}

/// What a finished pack holds, for the closing summary.
public struct PackResult: Sendable {
    public var folder: String
    public var zip: String
    public var rows: Int
    public var valid: Int
    public var seated: Int
    public var rooms: Int
    public var sites: Int
    public var pages: Int
    public var files: Int
    public var errors: Int
    public var warnings: Int
    public var conflicts: Int
    public var kept: Int
    public var seconds: Double
    /// The pack's problems (validation and seating), as in report.json.
    public var problems: [Problem]
}
