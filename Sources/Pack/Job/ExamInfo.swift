import Documents
import Foundation
import Photos
import Seating

/// What the job says about the exam: printed on every document.
public struct ExamInfo: Sendable {
    public var title: String
    public var code: String
    /// The exam's (first) day, `YYYY-MM-DD`; also the date written into every file of the pack unless
    /// `SOURCE_DATE_EPOCH` is set, so the same job gives the same bytes.
    public var date: String
    /// 考生须知, one entry per paragraph (`notice.1`, `notice.2`, … on admission tickets).
    public var notices: [String]
}
