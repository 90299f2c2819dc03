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
        TemplateValues.exam(title: job.exam.title, code: job.exam.code, date: job.exam.date, notices: job.exam.notices, extra: job.values)
    }

    /// Values of room `r` (with the job's).
    func room(_ r: Int) -> [String: String] {
        let packRoom = job.rooms[r]
        return exam.merging(TemplateValues.room(packRoom.room, siteAddress: packRoom.siteAddress, invigilators: packRoom.invigilators)) { _, new in new }
            .merging(TemplateValues.occupancy(ticketNumbers: plan.byRoom[r].map { plan.seated[$0].ticketNumber })) { _, new in new }
    }

    /// Values of room `r` for one session (door labels and sign-in sheets are per session): `session.*`, and
    /// the count and number range of that session's candidates in the room.
    func room(_ r: Int, session: Int?) -> [String: String] {
        let values = room(r)
        guard let session else { return values }
        let numbers = plan.byRoom[r].map { plan.seated[$0] }.filter { $0.session == session }.map(\.ticketNumber)
        return values.merging(TemplateValues.session(job.sessions[session])) { _, new in new }
            .merging(TemplateValues.occupancy(ticketNumbers: numbers)) { _, new in new }
    }

    /// The sessions present in room `r`, in the job's order (one nil when the job has none).
    func sessions(in r: Int) -> [Int?] {
        let present = Set(plan.byRoom[r].compactMap { plan.seated[$0].session })
        let ordered = job.sessions.indices.filter { present.contains($0) }
        return ordered.isEmpty ? [nil] : ordered
    }

    /// A seated candidate's own values, as the `index`-th of its room's list.
    func candidate(_ s: SeatedCandidate, index: Int) -> [String: String] {
        TemplateValues.seat(plan.candidates[s.candidate], index: index, seat: s.seat, ticketNumber: s.ticketNumber,
                            session: s.session.map { job.sessions[$0] })
    }
}
