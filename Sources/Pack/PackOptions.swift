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
