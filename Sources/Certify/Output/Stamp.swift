import Foundation
import Support

/// The dates a batch carries: the moment of issuing (PDF creation date, workbook and zip times, the
/// manifest) and the end of a validity period in China time.
struct Stamp: Sendable {
    let now: Date
    let issued: CivilDate

    init(issued: CivilDate, now: Date) {
        self.issued = issued
        self.now = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
    }

    static let china = TimeZone(secondsFromGMT: 8 * 3600)!

    /// ISO 8601 in China time, as PDFs and the manifest take it.
    var iso: String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = Self.china
        return formatter.string(from: now)
    }

    var fileTime: time_t { time_t(now.timeIntervalSince1970) }

    /// The first moment after `day` in China time: a certificate valid to `day` expires then.
    static func endOfDay(_ day: CivilDate) -> Date {
        let next = day.adding(days: 1)
        return Date(timeIntervalSince1970: TimeInterval(next.daysSince1970 * 86_400 - 8 * 3600))
    }
}
