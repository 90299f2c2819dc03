import Documents
import Validation
import Foundation
import Render
import Seating
import Support

/// The seating of a pack: which room and seat every registration has in its session, the candidates' ticket
/// numbers, the sittings (room × session) documents are made for, the admission tickets, who was left out and
/// why, and the same-school neighbours that could not be avoided.
struct PackPlan: Sendable {
    var candidates: [Candidate]
    /// In time order of sessions, then room, then seat.
    var seated: [SeatedRegistration]
    /// In the same order.
    var sittings: [Sitting]
    var tickets: [AdmissionTicket]
    var conflicts: [SeatingConflict]
    /// Seating problems (no session for a subject, overlapping sessions, kept seat no longer available), per roster row.
    var problems: [Problem]

    /// The seated registrations of sitting `k`.
    func seated(in k: Int) -> [SeatedRegistration] { sittings[k].seated.map { seated[$0] } }

    /// Candidates with at least one seat.
    var seatedCandidates: Int { Set(seated.map(\.candidate)).count }

    /// Seats `candidates` for `job`; `kept` holds the previous plan's seats (`--keep`).
    static func make(job: Job, candidates: [Candidate], kept: PreviousPlan? = nil) throws -> PackPlan {
        // A previous plan names rooms by site and name (matched as keys).
        func roomKey(_ site: String, _ room: String) -> String { TextCleaner.key(site) + "\u{1F}" + TextCleaner.key(room) }
        let roomIndex = Dictionary(job.rooms.enumerated().map { (roomKey($0.element.room.site, $0.element.room.name), $0.offset) },
                                   uniquingKeysWith: { a, _ in a })
        func roomOf(_ entry: PreviousPlan.Entry) -> Int? { roomIndex[roomKey(entry.site, entry.room)] }
        var keptSeats: [RegistrationKey: (room: Int, seat: Int)] = [:]
        for (key, entry) in kept?.entries ?? [:] {
            if let r = roomOf(entry) { keptSeats[key] = (r, entry.seat) }
        }
        let rooms = job.rooms.map(\.room)
        let seating = try SeatingPlanner.plan(candidates, rooms: rooms, sessions: job.sessions, policy: job.policy,
                                              roomSessions: job.roomSessions, kept: keptSeats)
        var problems = leftOutProblems(seating, job: job, candidates: candidates)

        // Sessions in time order; the registrations in that order, then room and seat.
        let timeOrder = job.sessions.indices.sorted { (job.sessions[$0].start, $0) < (job.sessions[$1].start, $1) }
        var rankOfSession: [Int: Int] = [:]
        for (rank, s) in timeOrder.enumerated() { rankOfSession[s] = rank }
        func sessionRank(_ s: Int?) -> Int { s.map { rankOfSession[$0] ?? 0 } ?? 0 }
        let assignments = seating.assignments.sorted { (sessionRank($0.session), $0.room, $0.seat) < (sessionRank($1.session), $1.room, $1.seat) }

        // Kept seats, and the moves of registrations whose earlier seat is gone.
        func previous(_ a: SeatAssignment) -> PreviousPlan.Entry? {
            let person = candidates[a.candidate].key
            let subject = candidates[a.candidate].subject(of: a.registration)
            return kept?.entries[RegistrationKey(person: person, subject: a.session.map { job.sessions[$0].subject } ?? subject)]
                ?? kept?.entries[RegistrationKey(person: person, subject: subject)]
        }
        var seated: [SeatedRegistration] = []
        for a in assignments {
            let before = previous(a)
            let isKept = before.map { roomOf($0) == a.room && $0.seat == a.seat } ?? false
            if let before, !isKept {
                let room = rooms[a.room]
                problems.append(Problem(.warning, "seat.moved", row: row(of: a, candidates), field: "seat", value: "\(before.site) \(before.room) \(before.seat)",
                                        message: LocalizedText(zh: "上次的座位（\(before.site) \(before.room) \(before.seat) 号）已不可用，改排到 \(room.site) \(room.name) \(a.seat) 号",
                                                               en: "the previous seat (\(before.site) \(before.room) \(before.seat)) is no longer available; now \(room.site) \(room.name) \(a.seat)")))
            }
            seated.append(SeatedRegistration(candidate: a.candidate, registration: a.registration, room: a.room, seat: a.seat, session: a.session,
                                             ticketNumber: isKept ? (before?.ticketNumber ?? "") : "", kept: isKept))
        }

        // Sittings, in the same order.
        var sittings: [Sitting] = []
        var sittingOf: [Int] = []
        for (i, s) in seated.enumerated() {
            if let last = sittings.last, last.room == s.room, last.session == s.session {
                sittings[sittings.count - 1].seated.append(i)
            } else {
                sittings.append(Sitting(room: s.room, session: s.session, seated: [i]))
            }
            sittingOf.append(sittings.count - 1)
        }

        // Tickets: one per candidate (all their registrations in time order) or one per registration.
        var tickets: [AdmissionTicket] = []
        switch job.ticketUnit {
        case .candidate:
            var ticketOf: [Int: Int] = [:]
            for (i, s) in seated.enumerated() {
                if let t = ticketOf[s.candidate] { tickets[t].more.append(i) } else {
                    ticketOf[s.candidate] = tickets.count
                    tickets.append(AdmissionTicket(seated: [i], sitting: sittingOf[i]))
                }
            }
        case .session:
            tickets = seated.indices.map { AdmissionTicket(seated: [$0], sitting: sittingOf[$0]) }
        }
        try number(&seated, tickets: tickets, job: job, candidates: candidates)
        return PackPlan(candidates: candidates, seated: seated, sittings: sittings, tickets: tickets, conflicts: seating.conflicts, problems: problems)
    }

    /// Gives every ticket its number (from its first registration's site, room, seat and session, or kept from the
    /// previous plan) and every registration its ticket's; refuses numbers that repeat or differ in length.
    private static func number(_ seated: inout [SeatedRegistration], tickets: [AdmissionTicket], job: Job, candidates: [Candidate]) throws {
        var owner: [String: Int] = [:]
        for (sequence, ticket) in tickets.enumerated() {
            let first = seated[ticket.first]
            var number = first.kept ? first.ticketNumber : ""
            if number.isEmpty {
                let room = job.rooms[first.room].room
                let values = ["exam.code": job.exam.code, "site.code": room.siteCode, "room": String(room.number), "seat": String(first.seat),
                              "session.code": first.session.map { job.sessions[$0].code } ?? "", "seq": String(sequence + 1)]
                do { number = try job.ticketPattern.make(values) } catch let failure as TicketNumberPattern.Failure {
                    throw JobError.job(file: job.file, line: nil, key: "ticket-number", zh: "准考证号无法生成：\(failure.text.zh)", en: "cannot make a ticket number: \(failure.text.en)")
                }
            }
            if let other = owner[number] {
                let a = candidates[seated[tickets[other].first].candidate].row, b = candidates[first.candidate].row
                let hint = job.sessions.count > 1 && !job.ticketPatternText.contains("{session.code")
                    ? LocalizedText(zh: "考场在不同场次重复使用，格式需加 {session.code}（或用 {seq:N}）", en: "rooms are used in several sessions: add {session.code} (or use {seq:N})")
                    : LocalizedText(zh: "格式需包含能区分考点、考场的字段", en: "the pattern must tell sites and rooms apart")
                throw JobError.job(file: job.file, line: nil, key: "ticket-number",
                                   zh: "准考证号 \(number) 重复（第 \(a) 行与第 \(b) 行）：格式“\(job.ticketPatternText)”\(hint.zh)",
                                   en: "ticket number \(number) repeats (rows \(a) and \(b)): the pattern \"\(job.ticketPatternText)\": \(hint.en)")
            }
            owner[number] = sequence
            for i in ticket.seated { seated[i].ticketNumber = number }
        }
        let lengths = Set(seated.map(\.ticketNumber.count))
        if lengths.count > 1 {
            throw JobError.job(file: job.file, line: nil, key: "ticket-number",
                           zh: "准考证号长度不一（\(lengths.sorted().map(String.init).joined(separator: "、")) 位）：请为“\(job.ticketPatternText)”中的字段指定宽度，如 {site.code:4}",
                           en: "ticket numbers differ in length (\(lengths.sorted().map(String.init).joined(separator: ", "))): give the pattern's fields widths, e.g. {site.code:4}")
        }
    }

    /// The roster row of an assignment's registration.
    private static func row(of a: SeatAssignment, _ candidates: [Candidate]) -> Int {
        candidates[a.candidate].row(of: a.registration)
    }

    /// Registrations not seated: a subject no session takes, a session overlapping another of the candidate's.
    private static func leftOutProblems(_ seating: SeatingPlan, job: Job, candidates: [Candidate]) -> [Problem] {
        var problems: [Problem] = []
        let subjects = LocalizedText(zh: job.sessions.map(\.subject).joined(separator: "、"), en: job.sessions.map(\.subject).joined(separator: ", "))
        for r in seating.withoutSession {
            let registration = candidates[r.candidate].registrations[r.registration]
            problems.append(Problem(.error, "seat.no-session", row: registration.row, field: "subject", value: registration.subject,
                                    message: LocalizedText(zh: "报考科目“\(registration.subject)”不在本次考试的科目中（\(subjects.zh)），未排考",
                                                           en: "subject \"\(registration.subject)\" is not one of this exam's (\(subjects.en)); not seated")))
        }
        for o in seating.overlaps {
            let left = job.sessions[o.session], other = job.sessions[o.otherSession]
            let registration = candidates[o.candidate].registrations[o.registration]
            problems.append(Problem(.error, "seat.overlap", row: registration.row, field: "subject", value: registration.subject,
                                    message: LocalizedText(zh: "“\(left.subject)”（\(SessionText.span(left))）与同一考生的“\(other.subject)”（\(SessionText.span(other))）时间重叠，“\(left.subject)”未排考",
                                                           en: "\"\(left.subject)\" (\(SessionText.span(left))) overlaps the same candidate's \"\(other.subject)\" (\(SessionText.span(other))); \"\(left.subject)\" not seated")))
        }
        return problems
    }
}
