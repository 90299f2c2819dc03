import Support
import Validation

/// Seats candidates (排考) session by session: sessions are time slots and rooms are booked per session, so
/// a room's seats are free again in the next session, while a room serves one session at a time (sessions
/// that overlap in time take different rooms). Each registration goes to a room whose type is its session's
/// mode and which is open in that session, within capacity, in the chosen order; inside a room, `RoomSeater`
/// keeps schools apart. Registrations kept from an earlier plan keep their room and seat, and with
/// `preferSameSeat` a candidate keeps the room and seat of their earlier session where that room serves the
/// later one. A candidate whose sessions overlap sits the first and the other is reported.
public enum SeatingPlanner {
    /// Plans seats. `roomSessions` limits rooms to some sessions (room index → session indices; absent: all);
    /// `kept` maps registrations to the room index and seat they had before.
    public static func plan<C: Seatable>(_ candidates: [C], rooms: [Room], sessions: [ExamSession], policy: SeatingPolicy,
                                         roomSessions: [Int: Set<Int>] = [:],
                                         kept: [RegistrationKey: (room: Int, seat: Int)] = [:]) throws -> SeatingPlan {
        var plan = SeatingPlan()
        // Schools are compared as keys (北京大学（本部） and 北京大学(本部) are one school); conflicts name them as written.
        let schools = candidates.map { normalize($0.school) }
        let subjects = candidates.map(\.subjects)
        // Which session each registration sits; without sessions, each candidate is seated once.
        let slots = max(1, sessions.count)
        var registrationsOf = Array(repeating: [RegistrationIndex](), count: slots)
        let bySubject = Dictionary(sessions.enumerated().map { (normalize($0.element.subject), $0.offset) }, uniquingKeysWith: { a, _ in a })
        for i in candidates.indices {
            guard !sessions.isEmpty else {
                registrationsOf[0].append(RegistrationIndex(candidate: i, registration: 0))
                continue
            }
            var sitting: [Int: Int] = [:]          // session → registration
            for (k, subject) in subjects[i].enumerated() {
                guard let s = bySubject[normalize(subject)] ?? (sessions.count == 1 ? 0 : nil) else {
                    plan.withoutSession.append(RegistrationIndex(candidate: i, registration: k))
                    continue
                }
                if sitting[s] != nil { continue }
                if let clash = sitting.sorted(by: { $0.key < $1.key }).first(where: { sessions[$0.key].overlaps(sessions[s]) }) {
                    plan.overlaps.append(SeatingOverlap(candidate: i, registration: k, other: clash.value, session: s, otherSession: clash.key))
                    continue
                }
                sitting[s] = k
                registrationsOf[s].append(RegistrationIndex(candidate: i, registration: k))
            }
        }
        // One order of candidates for every session.
        let rank = ranks(candidates, policy: policy)
        // Sessions in time order.
        let sessionOrder = sessions.isEmpty ? [0] : sessions.indices.sorted { (sessions[$0].start, $0) < (sessions[$1].start, $1) }
        var sessionsInRoom = Array(repeating: [Int](), count: rooms.count)
        var lastSeat: [Int: (room: Int, seat: Int)] = [:]
        var shorts: [SeatingShortfall.Short] = []
        for s in sessionOrder {
            let session: ExamSession? = sessions.isEmpty ? nil : sessions[s]
            let registrations = registrationsOf[s].sorted { rank[$0.candidate] < rank[$1.candidate] }
            guard !registrations.isEmpty else { continue }
            let eligible = rooms.indices.filter { r in
                guard let session else { return true }
                return rooms[r].type == session.mode && (roomSessions[r]?.contains(s) ?? true)
                    && !sessionsInRoom[r].contains { sessions[$0].overlaps(session) }
            }
            let open = Set(eligible)
            // Seats fixed before the rest: kept from the earlier plan, then the candidate's seat in an earlier session.
            var fixed: [Int: [Int: RegistrationIndex]] = [:]
            var waiting: [RegistrationIndex] = []
            func free(_ r: Int, _ seat: Int) -> Bool { open.contains(r) && seat >= 1 && seat <= rooms[r].seats && fixed[r]?[seat] == nil }
            for reg in registrations {
                let subject = subjects[reg.candidate].isEmpty ? "" : subjects[reg.candidate][reg.registration]
                if let k = kept[RegistrationKey(person: candidates[reg.candidate].key, subject: sessions.isEmpty ? subject : session!.subject)]
                    ?? kept[RegistrationKey(person: candidates[reg.candidate].key, subject: subject)], free(k.room, k.seat) {
                    fixed[k.room, default: [:]][k.seat] = reg
                } else {
                    waiting.append(reg)
                }
            }
            if policy.preferSameSeat {
                waiting = waiting.filter { reg in
                    guard let previous = lastSeat[reg.candidate], free(previous.room, previous.seat) else { return true }
                    fixed[previous.room, default: [:]][previous.seat] = reg
                    return false
                }
            }
            // Each open room takes its share of the waiting, in room order.
            var queueOf: [Int: [RegistrationIndex]] = [:]
            var next = 0
            for r in eligible {
                let share = waiting[next..<min(waiting.count, next + rooms[r].seats - (fixed[r]?.count ?? 0))]
                queueOf[r] = Array(share)
                next += share.count
            }
            if next < waiting.count {
                shorts.append(SeatingShortfall.Short(session: session == nil ? nil : s, subject: session?.subject ?? "", start: session?.start ?? "",
                                                     end: session?.end ?? "", mode: session?.mode ?? "", missing: waiting.count - next,
                                                     needed: registrations.count, seats: eligible.reduce(0) { $0 + rooms[$1].seats }))
                continue
            }
            for r in eligible where !(fixed[r] ?? [:]).isEmpty || !(queueOf[r] ?? []).isEmpty {
                // People are numbered within the room's list: fixed first, then the queue.
                let people = Array((fixed[r] ?? [:]).values) + (queueOf[r] ?? [])
                let numberOf = Dictionary(people.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
                let seater = RoomSeater(grid: SeatGrid(room: rooms[r], numbering: policy.numbering), separateSchools: policy.separateSchools,
                                        school: { schools[people[$0].candidate] })
                let seated = seater.seat(fixed: (fixed[r] ?? [:]).mapValues { numberOf[$0]! }, queue: (queueOf[r] ?? []).map { numberOf[$0]! })
                for (seat, person) in seated.sorted(by: { $0.key < $1.key }) {
                    let reg = people[person]
                    plan.assignments.append(SeatAssignment(candidate: reg.candidate, registration: reg.registration, room: r, seat: seat,
                                                           session: session == nil ? nil : s))
                    lastSeat[reg.candidate] = (r, seat)
                }
                if policy.separateSchools {
                    for clash in seater.clashes(in: seated) {
                        plan.conflicts.append(SeatingConflict(room: r, session: session == nil ? nil : s, seat: clash.seat, neighbourSeat: clash.neighbour,
                                                              school: candidates[people[seated[clash.seat]!].candidate].school))
                    }
                }
                sessionsInRoom[r].append(s)
            }
        }
        if !shorts.isEmpty { throw SeatingShortfall(sessions: shorts) }
        return plan
    }

    /// Each candidate's place in the seating order (`SeatOrder.arrange`).
    static func ranks<C: Seatable>(_ candidates: [C], policy: SeatingPolicy) -> [Int] {
        var rank = Array(repeating: 0, count: candidates.count)
        for (position, i) in policy.order.arrange(candidates).enumerated() { rank[i] = position }
        return rank
    }

    /// A subject or school as it is matched (sessions with rosters, neighbours with each other): its key
    /// (`TextCleaner.key`), without spaces, lower case.
    public static func normalize(_ subject: String) -> String {
        Registration.key(subject)
    }
}
