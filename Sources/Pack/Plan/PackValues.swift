import Documents
import Foundation
import Render
import Seating

/// The values documents print, built from the job and the plan: the job's own (`exam.*`, `notice.N`,
/// anything under `values:`), each sitting's (`site.*`, `room.*`, `session.*`, the count and number range of
/// who sits there), each seated registration's (roster fields, `seat`, `ticketNumber`, `row.index`) and each
/// admission ticket's (the candidate's timetable: `sessions.N`, the list `schedule`).
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
    }

    /// Values of sitting `k`: its room's, its session's, and the count and number range of who sits there.
    func sitting(_ k: Int) -> [String: String] {
        let sitting = plan.sittings[k]
        var values = room(sitting.room)
        if let session = sitting.session {
            values.merge(TemplateValues.session(job.sessions[session])) { _, new in new }
        }
        let numbers = Set(sitting.seated.map { plan.seated[$0].ticketNumber })
        return values.merging(TemplateValues.occupancy(ticketNumbers: Array(numbers))) { _, new in new }
    }

    /// A seated registration's own values, as the `index`-th of its sitting's list.
    func registration(_ s: SeatedRegistration, index: Int) -> [String: String] {
        TemplateValues.seat(plan.candidates[s.candidate], index: index, seat: s.seat, ticketNumber: s.ticketNumber,
                            session: s.session.map { job.sessions[$0] })
    }

    /// An admission ticket's values, the `index`-th of its document: its first registration's (seat, subject,
    /// session) and the whole timetable of the registrations it lists, in time order.
    func ticket(_ ticket: AdmissionTicket, index: Int) -> [String: String] {
        var values = registration(plan.seated[ticket.first], index: index)
        values.reserveCapacity(values.count + 12 * (1 + ticket.more.count))
        let entries = ticket.seated.map { i -> TemplateValues.ScheduleEntry in
            let s = plan.seated[i]
            return TemplateValues.ScheduleEntry(session: s.session.map { job.sessions[$0] }, room: job.rooms[s.room].room,
                                                roomAddress: job.rooms[s.room].room.address, seat: s.seat, ticketNumber: s.ticketNumber)
        }
        values.merge(TemplateValues.schedule(entries)) { _, new in new }
        return values
    }
}
