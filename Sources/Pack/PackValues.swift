import Documents
import Foundation
import Render
import Seating

/// The values documents print, built from the job and the plan: the job's own (`exam.*`, `notice.N`,
/// anything under `values:`), each room's (`site.*`, `room.*`), each session's (`session.*`) and each
/// candidate's (roster fields, `seat`, `ticketNumber`, `sessions.1`, `row.index`).
struct PackValues {
    let job: Job
    let plan: PackPlan

    /// Values every document of the job shares.
    var exam: [String: String] {
        var values = job.values
        values["exam.title"] = job.exam.title
        values["exam.code"] = job.exam.code
        values["exam.date"] = job.exam.date
        for (i, notice) in job.exam.notices.enumerated() { values["notice.\(i + 1)"] = notice }
        return values
    }

    /// Values of room `r` (with the job's).
    func room(_ r: Int) -> [String: String] {
        var values = exam
        let packRoom = job.rooms[r]
        let room = packRoom.room
        values["site.name"] = room.site
        values["site.code"] = room.siteCode
        values["site.address"] = packRoom.siteAddress
        values["room.name"] = room.name
        values["room.type"] = room.type
        values["room.address"] = room.address
        values["room.seats"] = String(room.seats)
        values["room.invigilators"] = packRoom.invigilators
        let seated = plan.byRoom[r].map { plan.seated[$0] }
        values["room.count"] = String(seated.count)
        values["room.range"] = range(seated)
        values["count.expected"] = String(seated.count)
        return values
    }

    /// Values of room `r` for one session (door labels and sign-in sheets are per session): `session.*`, and
    /// the count and number range of that session's candidates in the room.
    func room(_ r: Int, session: Int?) -> [String: String] {
        var values = room(r)
        guard let session else { return values }
        let s = job.sessions[session]
        values["session.subject"] = s.subject
        values["session.code"] = s.code
        values["session.mode"] = s.mode
        values["session.date"] = SessionText.date(s)
        values["session.time"] = SessionText.time(s)
        values["session.start"] = s.start
        values["session.end"] = s.end
        let seated = plan.byRoom[r].map { plan.seated[$0] }.filter { $0.session == session }
        values["room.count"] = String(seated.count)
        values["room.range"] = range(seated)
        values["count.expected"] = String(seated.count)
        return values
    }

    /// The sessions present in room `r`, in the job's order (one nil when the job has none).
    func sessions(in r: Int) -> [Int?] {
        let present = Set(plan.byRoom[r].compactMap { plan.seated[$0].session })
        let ordered = job.sessions.indices.filter { present.contains($0) }
        return ordered.isEmpty ? [nil] : ordered
    }

    /// A seated candidate's own values.
    func candidate(_ s: SeatedCandidate, index: Int) -> [String: String] {
        var values = CandidateRecords.values(plan.candidates[s.candidate], index: s.candidate)
        values["seat"] = String(format: "%02d", s.seat)
        values["ticketNumber"] = s.ticketNumber
        values["row.index"] = String(index + 1)
        if let i = s.session {
            let session = job.sessions[i]
            values["subject"] = session.subject
            values["sessions.1"] = SessionText.line(session)
            values["session.subject"] = session.subject
            values["session.date"] = SessionText.date(session)
            values["session.time"] = SessionText.time(session)
        }
        return values
    }

    private func range(_ seated: [SeatedCandidate]) -> String {
        let numbers = seated.map(\.ticketNumber).sorted()
        guard let first = numbers.first, let last = numbers.last else { return "" }
        return first == last ? first : "\(first) – \(last)"
    }
}
