import Foundation

/// A file written for a certificate by a batch (the first print, or a reprint in a later batch): its path
/// relative to the batch's output and its SHA-256, so a verifier can tell the file the registry issued.
public struct IssuedFile: Sendable, Equatable, Codable {
    public var number: String
    /// Hex SHA-256 of the file's bytes.
    public var pdfSHA256: String
    public var batchID: String
    /// Relative to the batch's output, e.g. `证书/SHPX2026000001.pdf`.
    public var path: String
    public var at: Date

    public init(number: String, pdfSHA256: String, batchID: String, path: String, at: Date) {
        self.number = number
        self.pdfSHA256 = pdfSHA256
        self.batchID = batchID
        self.path = path
        self.at = at
    }
}
