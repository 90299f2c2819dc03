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

/// The folders of a pack: `<考点>/<考场>/`, names made safe for every file system.
struct RoomFolders {
    let job: Job

    func site(_ r: Int) -> String { Self.safe(job.rooms[r].room.site, fallback: job.rooms[r].room.siteCode) }
    func room(_ r: Int) -> String { site(r) + "/" + Self.safe(job.rooms[r].room.name, fallback: String(job.rooms[r].room.number)) }

    /// A document's file in room `r`'s folder.
    func file(_ r: Int, _ document: PaperKind) -> String { room(r) + "/" + document.fileName }

    static let ticketFolder = "准考证"

    /// One candidate's own admission ticket: 准考证/<准考证号>.pdf.
    static func ticketFile(_ number: String) -> String { ticketFolder + "/" + safe(number, fallback: "_") + ".pdf" }

    /// The longest folder or file name (in characters) a pack uses; the job is refused where a ticket
    /// number would be longer, and room folder names cut to it are checked not to collide.
    static let nameLimit = 80

    /// `name` without path separators, control characters or characters Windows refuses; never `.`/`..`;
    /// at most `limit` characters.
    static func safe(_ name: String, fallback: String, limit: Int = nameLimit) -> String {
        let bad = Set("/\\:*?\"<>|")
        var cleaned = String(name.map { bad.contains($0) || $0.isNewline || ($0.asciiValue.map { $0 < 0x20 } ?? false) ? "_" : $0 })
            .trimmingCharacters(in: .whitespaces)
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        if cleaned.isEmpty { cleaned = fallback.isEmpty ? "_" : safe(fallback, fallback: "_") }
        return String(cleaned.prefix(limit))
    }
}
