import Foundation
import Render
import Seating
import Validation

/// The values templates bind, made from the typed facts of an exam, a room, a session and a seat: every
/// template field name (`exam.title`, `room.range`, `seat`, …) is written here and nowhere else.
public enum TemplateValues {
    /// The exam's values (`exam.*`, `notice.N`), after the job's own `extra` values.
    public static func exam(title: String, code: String, date: String, notices: [String], extra: [String: String]) -> [String: String] {
        var values = extra
        values["exam.title"] = title
        values["exam.code"] = code
        values["exam.date"] = date
        for (i, notice) in notices.enumerated() { values["notice.\(i + 1)"] = notice }
        return values
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

    /// `record` numbered as the `index`-th (0-based) of a list (`row.index`).
    public static func numbered(_ record: RenderRecord, _ index: Int) -> RenderRecord {
        var numbered = record
        numbered.values["row.index"] = String(index + 1)
        return numbered
    }
}
