import Support
import Documents
import Foundation

/// The one date every file of a pack carries (PDF creation dates, workbook and zip timestamps, the
/// manifest): `SOURCE_DATE_EPOCH` when set, else the exam's date at 00:00 China time. A fixed date is what
/// makes two runs of the same job byte-identical.
struct PackStamp: Sendable {
    let epoch: time_t
    /// ISO 8601, as PDFs take it.
    let iso: String
    /// Seconds east of UTC of the stamp's wall clock: 0 for SOURCE_DATE_EPOCH, China time for exam dates.
    private let sourceZone: Int

    init(examDate: String, sourceDateEpoch: Int?) {
        if let sourceDateEpoch {
            epoch = time_t(sourceDateEpoch)
            sourceZone = 0
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(secondsFromGMT: 0)
            iso = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(sourceDateEpoch)))
        } else {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
            let date = CivilDate.parse(examDate).flatMap { calendar.date(from: DateComponents(year: $0.year, month: $0.month, day: $0.day)) }
            epoch = time_t((date ?? Date(timeIntervalSince1970: 0)).timeIntervalSince1970)
            sourceZone = 8 * 3600
            iso = "\(examDate)T00:00:00+08:00"
        }
    }

    /// The time to give zip entries: libzip stores the local wall-clock time (MS-DOS dates have no zone),
    /// so this is the moment whose local time here is the stamp's wall clock (the exam day 00:00, or
    /// SOURCE_DATE_EPOCH in UTC) — the same bytes whatever the machine's time zone.
    var zipTime: time_t {
        var source = Calendar(identifier: .gregorian)
        source.timeZone = TimeZone(secondsFromGMT: sourceZone)!
        let parts = source.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(epoch)))
        var local = Calendar(identifier: .gregorian)
        local.timeZone = .current
        return time_t((local.date(from: parts) ?? Date(timeIntervalSince1970: TimeInterval(epoch))).timeIntervalSince1970)
    }
}
