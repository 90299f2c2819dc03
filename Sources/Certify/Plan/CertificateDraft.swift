import Credentials
import Registry
import Validation

/// One certificate of a batch, before it is signed: the holder, the number and whether it is new, the
/// holder's current certificate kept as it is (a re-run), or a new one replacing it (换发: the holder's
/// printed details changed, the old number is revoked as `reissued`).
public struct CertificateDraft: Sendable {
    /// New, kept or reissued: what this run does for the holder.
    public enum Status: String, Sendable, Codable {
        case new
        case kept
        case reissued
    }

    public var candidate: Candidate
    public var number: String
    public var status: Status
    /// 原证编号: the certificate this one replaces.
    public var replaces: String?
    /// Whether issuing this one revokes `replaces` (`reissued`); false when that was revoked by hand before.
    public var revokesReplaced = false
    /// 培训类别/培训项目 of this holder as written.
    public var category: String
    public var maskedID: String
    public var holderKey: String
    public var certificateKey: String
    public var detailsHash: String
    public var sequencePrefix: String
    public var sequence: Int
    /// The registry's record of a kept certificate: its signed code is printed again, unchanged.
    public var existing: IssuedCertificate?
}
