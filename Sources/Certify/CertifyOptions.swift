import Foundation
import Support

/// How `kaowu certify` runs: propose only, where to write, threads, progress, language of reports.
public struct CertifyOptions: Sendable {
    /// Write the proposed batch (`batch.json`) for approval instead of issuing.
    public var propose = false
    /// Overrides the job's `output:`.
    public var output: String?
    public var threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
    public var language: Language = .zh
    /// The moment of issuing (the QR code's iat, the PDF signature's time); tests fix it.
    public var now = Date()
    /// Called as certificates are done (done, total).
    public var progress: (@Sendable (Int, Int) -> Void)?

    public init() {}
}
