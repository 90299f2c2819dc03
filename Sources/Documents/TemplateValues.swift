import Foundation
import Render
import Seating
import Validation

/// The values templates bind, made from the typed facts of an exam, a room, a session and a seat: every
/// template field name (`exam.title`, `room.range`, `seat`, …) is written here and nowhere else.
public enum TemplateValues {
    /// The exam's values (`exam.*`, `notice.N`, `notices`), after the job's own `extra` values.
    public static func exam(title: String, code: String, date: String, notices: [String], extra: [String: String]) -> [String: String] {
        var values = extra
        values["exam.title"] = title
        values["exam.code"] = code
        values["exam.date"] = date
        values.merge(self.notices(notices)) { _, new in new }
        return values
    }

    /// 考生须知: each paragraph as `notice.N`, and all of them numbered one per line as `notices` (the
    /// block an admission ticket prints, so it never shows a number without its text). Blank paragraphs are
    /// left out; no paragraphs give no values.
    public static func notices(_ paragraphs: [String]) -> [String: String] {
        let given = paragraphs.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        var values: [String: String] = [:]
        for (i, notice) in given.enumerated() { values["notice.\(i + 1)"] = notice }
        if !given.isEmpty { values[noticesField] = given.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n") }
        return values
    }

    /// The numbered block of notices.
    public static let noticesField = "notices"

    /// The notices given as `notice.1`, `notice.2`, … in `values` (`--set`), in their order.
    public static func noticeParagraphs(in values: [String: String]) -> [String] {
        values.compactMap { key, value in noticeNumber(key).map { ($0, value) } }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// N of a `notice.N` field name.
    public static func noticeNumber(_ field: String) -> Int? {
        guard field.hasPrefix("notice."), let n = Int(field.dropFirst("notice.".count)), n > 0, n <= 100 else { return nil }
        return n
    }

    /// Every field these values can hold (with one notice): what mistyped names are compared with.
    static var probeFields: Set<String> {
        let room = Room(site: "·", siteCode: "·", name: "·", type: "·", seats: 1, columns: 1, address: "·", number: 1)
        let session = ExamSession(subject: "·", code: "·", mode: "·", start: "2026-01-01 09:00", end: "2026-01-01 10:00")
        let candidate = CandidateRecords.probe(fields: [:], columns: [:])
        var keys = Set(exam(title: "·", code: "·", date: "·", notices: ["·"], extra: [:]).keys)
        keys.formUnion(self.room(room, siteAddress: "·", invigilators: "·").keys)
        keys.formUnion(occupancy(ticketNumbers: ["·"]).keys)
        keys.formUnion(self.session(session).keys)
        keys.formUnion(seat(candidate, index: 0, seat: 1, ticketNumber: "·", session: session).keys)
        keys.formUnion(schedule([ScheduleEntry(session: session, room: room, roomAddress: "·", seat: 1, ticketNumber: "·")]).keys)
        return keys
    }

    /// A room's values (`site.*`, `room.*`).
    public static func room(_ room: Room, siteAddress: String, invigilators: String) -> [String: String] {
        ["site.name": room.site, "site.code": room.siteCode, "site.address": siteAddress, "room.name": room.name,
         "room.type": room.type, "room.address": room.address, "room.seats": String(room.seats), "room.invigilators": invigilators]
    }

    /// Who sits in a room (or one session of it): how many, and the range of their ticket numbers.
    public static func occupancy(ticketNumbers: [String]) -> [String: String] {
        let numbers = ticketNumbers.sorted()
        var range = ""
        if let first = numbers.first, let last = numbers.last { range = first == last ? first : "\(first) – \(last)" }
        return ["room.count": String(numbers.count), "room.range": range, "count.expected": String(numbers.count)]
    }

    /// A session's values (`session.*`).
    public static func session(_ s: ExamSession) -> [String: String] {
        ["session.subject": s.subject, "session.code": s.code, "session.mode": s.mode, "session.date": SessionText.date(s),
         "session.time": SessionText.time(s), "session.start": s.start, "session.end": s.end]
    }

    /// A seated candidate's values: the candidate's own, the seat, the ticket number, the position in the
    /// document's list and the session they sit.
    public static func seat(_ candidate: Candidate, index: Int, seat: Int, ticketNumber: String, session: ExamSession?) -> [String: String] {
        var values = CandidateRecords.values(candidate, index: index)
        values["seat"] = String(format: "%02d", seat)
        values["ticketNumber"] = ticketNumber
        if let session {
            values["subject"] = session.subject
            values["sessions.1"] = SessionText.line(session)
            values["session.subject"] = session.subject
            values["session.date"] = SessionText.date(session)
            values["session.time"] = SessionText.time(session)
        }
        return values
    }

    /// One line of a candidate's timetable: a session and where they sit it.
    public struct ScheduleEntry: Sendable {
        public var session: ExamSession?
        public var room: Room
        public var roomAddress: String
        public var seat: Int
        public var ticketNumber: String

        public init(session: ExamSession?, room: Room, roomAddress: String, seat: Int, ticketNumber: String) {
            self.session = session
            self.room = room
            self.roomAddress = roomAddress
            self.seat = seat
            self.ticketNumber = ticketNumber
        }
    }

    /// The list name of a candidate's timetable (`{type: list, items: schedule}` on admission tickets).
    public static let scheduleList = "schedule"

    /// A candidate's timetable, every entry in the order given (time order): `sessions.N` (one line each, as
    /// `sessions.1` always was) and the list `schedule` — `schedule.count` and `schedule.N.subject`, `.date`,
    /// `.time`, `.mode`, `.site`, `.room`, `.seat`, `.address`, `.ticketNumber`.
    public static func schedule(_ entries: [ScheduleEntry]) -> [String: String] {
        var values: [String: String] = [scheduleList + ".count": String(entries.count)]
        for (i, entry) in entries.enumerated() {
            let n = "\(scheduleList).\(i + 1)."
            if let session = entry.session {
                values["sessions.\(i + 1)"] = SessionText.line(session)
                values[n + "subject"] = session.subject
                values[n + "date"] = SessionText.date(session)
                values[n + "time"] = SessionText.time(session)
                values[n + "mode"] = session.mode
            } else {
                values[n + "mode"] = entry.room.type
            }
            values[n + "site"] = entry.room.site
            values[n + "room"] = entry.room.name
            values[n + "seat"] = String(format: "%02d", entry.seat)
            values[n + "address"] = entry.roomAddress
            values[n + "ticketNumber"] = entry.ticketNumber
        }
        return values
    }

    /// A one-entry timetable made from a record's own values, for a ticket drawn without a seating plan
    /// (`kaowu render` from a roster with 准考证号 and 座位号): `session.*` or the record's subject and
    /// `sessions.1`, `site.name`, `room.name`, `room.address`, `seat`, `ticketNumber`.
    public static func schedule(from values: [String: String]) -> [String: String] {
        func value(_ keys: String...) -> String { keys.lazy.compactMap { values[$0] }.first { !$0.isEmpty } ?? "" }
        let n = scheduleList + ".1."
        let date = value("session.date"), time = value("session.time")
        return [scheduleList + ".count": "1", n + "subject": value("session.subject", "subject"),
                n + "date": date, n + "time": date.isEmpty && time.isEmpty ? value("sessions.1") : time,
                n + "mode": value("session.mode", "room.type"), n + "site": value("site.name"), n + "room": value("room.name"),
                n + "seat": value("seat"), n + "address": value("room.address"), n + "ticketNumber": value("ticketNumber")]
    }

    /// `record` numbered as the `index`-th (0-based) of a list (`row.index`).
    public static func numbered(_ record: RenderRecord, _ index: Int) -> RenderRecord {
        var numbered = record
        numbered.values["row.index"] = String(index + 1)
        return numbered
    }
}
