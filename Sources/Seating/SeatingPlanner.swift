import Support

extension Dictionary where Value == Int, Key == Int {
    /// Exchanges the values at two keys.
    mutating func swapAt(_ a: Int, _ b: Int) {
        let va = self[a], vb = self[b]
        self[a] = vb
        self[b] = va
    }
}

/// Seats candidates in rooms (排考): each goes to a room whose type is the mode of their subject's session,
/// within capacity, in the chosen order; inside a room, seats are filled in seat-number order, each time
/// with the first waiting candidate whose school differs from the already seated neighbours (front, back,
/// left, right). Candidates kept from an earlier plan keep their room and seat.
public enum SeatingPlanner {
    /// Plans seats. `kept` maps a candidate's key to the room index and seat they had before.
    public static func plan<C: Seatable>(_ candidates: [C], rooms: [Room], sessions: [ExamSession], policy: SeatingPolicy,
                            kept: [String: (room: Int, seat: Int)] = [:]) throws -> SeatingPlan {
        var plan = SeatingPlan()
        // Schools are compared as keys (北京大学（本部） and 北京大学(本部) are one school); conflicts name them as written.
        let schools = candidates.map { normalize($0.school) }
        // Each candidate's session and mode.
        var sessionOf: [Int?] = []
        var modeOf: [String?] = []
        let bySubject = Dictionary(sessions.enumerated().map { (normalize($0.element.subject), $0.offset) }, uniquingKeysWith: { a, _ in a })
        for (i, c) in candidates.enumerated() {
            if sessions.isEmpty {
                sessionOf.append(nil)
                modeOf.append(nil)
            } else if let s = bySubject[normalize(c.subject)] ?? (sessions.count == 1 ? 0 : nil) {
                sessionOf.append(s)
                modeOf.append(sessions[s].mode)
            } else {
                sessionOf.append(nil)
                modeOf.append(nil)
                plan.withoutSession.append(i)
            }
        }
        let skip = Set(plan.withoutSession)
        // Seats already taken by kept candidates.
        var taken: [Int: [Int: Int]] = [:]          // room → seat → candidate
        var keptCandidates = Set<Int>()
        for (i, c) in candidates.enumerated() where !skip.contains(i) {
            guard let k = kept[c.key], k.room < rooms.count, k.seat >= 1, k.seat <= rooms[k.room].seats,
                  modeOf[i] == nil || rooms[k.room].type == modeOf[i], taken[k.room]?[k.seat] == nil else { continue }
            taken[k.room, default: [:]][k.seat] = i
            keptCandidates.insert(i)
        }
        // Order the rest.
        var order = candidates.indices.filter { !skip.contains($0) && !keptCandidates.contains($0) }
        switch policy.order {
        case .roster: break
        case .sorted:
            order.sort { (schools[$0], candidates[$0].key) < (schools[$1], candidates[$1].key) }
        case .shuffle(let seed):
            var random = SeededRandom(seed: seed)
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                let j = Int(random.next() % UInt64(i + 1))
                order.swapAt(i, j)
            }
        }
        // Capacity per mode, and the rooms' shares.
        let modes = Array(Set(order.map { modeOf[$0] ?? "" })).sorted()
        var missing: [String: Int] = [:], needed: [String: Int] = [:], seats: [String: Int] = [:]
        var queueOfRoom: [Int: [Int]] = [:]
        for mode in modes {
            let waiting = order.filter { (modeOf[$0] ?? "") == mode }
            let roomsOfMode = rooms.indices.filter { mode.isEmpty || rooms[$0].type == mode }
            var next = 0
            for r in roomsOfMode {
                let free = rooms[r].seats - (taken[r]?.count ?? 0)
                let share = Array(waiting[next..<min(waiting.count, next + free)])
                queueOfRoom[r, default: []] += share
                next += share.count
            }
            if next < waiting.count {
                let name = mode.isEmpty ? "—" : mode
                missing[name] = waiting.count - next
                needed[name] = waiting.count + keptCandidates.filter { (modeOf[$0] ?? "") == mode }.count
                seats[name] = roomsOfMode.reduce(0) { $0 + rooms[$1].seats }
            }
        }
        if !missing.isEmpty { throw SeatingShortfall(missing: missing, needed: needed, seats: seats) }
        // Seat each room.
        for (r, room) in rooms.enumerated() {
            let grid = SeatGrid(room: room, numbering: policy.numbering)
            var seated = taken[r] ?? [:]
            var queue = queueOfRoom[r] ?? []
            var remaining: [String: Int] = [:]
            for c in queue { remaining[schools[c], default: 0] += 1 }
            for seat in 1...max(1, room.seats) where seated[seat] == nil && !queue.isEmpty && seat <= room.seats {
                let neighbourSchools = Set(grid.neighbours(of: seat).compactMap { seated[$0] }.map { schools[$0] })
                var pick = 0
                if policy.separateSchools {
                    // Of the schools that may sit here, take the one with most candidates still waiting (so the
                    // last seats are not left to a single school), its first candidate in order.
                    var best: (index: Int, count: Int)?
                    for (i, c) in queue.enumerated() {
                        let school = schools[c]
                        guard school.isEmpty || !neighbourSchools.contains(school) else { continue }
                        let count = remaining[school] ?? 0
                        if best == nil || count > best!.count { best = (i, count) }
                    }
                    if let best { pick = best.index }
                }
                let chosen = queue.remove(at: pick)
                remaining[schools[chosen], default: 1] -= 1
                seated[seat] = chosen
            }
            if policy.separateSchools { repair(&seated, grid: grid, schools: schools, fixed: Set((taken[r] ?? [:]).keys)) }
            for (seat, candidate) in seated.sorted(by: { $0.key < $1.key }) {
                plan.assignments.append(SeatAssignment(candidate: candidate, room: r, seat: seat, session: sessionOf[candidate]))
                guard policy.separateSchools, !schools[candidate].isEmpty else { continue }
                for neighbour in grid.neighbours(of: seat) where neighbour > seat {
                    if let other = seated[neighbour], schools[other] == schools[candidate] {
                        plan.conflicts.append(SeatingConflict(room: r, seat: seat, neighbourSeat: neighbour, school: candidates[candidate].school))
                    }
                }
            }
        }
        return plan
    }

    /// Removes same-school neighbours the greedy pass left, by swapping one of them with a candidate elsewhere
    /// in the room when the swap leaves both desks without a same-school neighbour. Kept seats do not move.
    static func repair(_ seated: inout [Int: Int], grid: SeatGrid, schools: [String], fixed: Set<Int>) {
        func school(_ seat: Int) -> String? { seated[seat].map { schools[$0] } }
        func clashes(_ seat: Int) -> Bool {
            guard let own = school(seat), !own.isEmpty else { return false }
            return grid.neighbours(of: seat).contains { school($0) == own }
        }
        let seats = seated.keys.sorted()
        for _ in 0..<2 {
            for s in seats where !fixed.contains(s) && clashes(s) {
                for t in seats where t != s && !fixed.contains(t) && school(t) != school(s) {
                    seated.swapAt(s, t)
                    if !clashes(s) && !clashes(t) { break }
                    seated.swapAt(s, t)
                }
            }
        }
    }

    /// A subject or school as it is matched (sessions with rosters, neighbours with each other): its key
    /// (`TextCleaner.key`), without spaces, lower case.
    public static func normalize(_ subject: String) -> String {
        TextCleaner.key(subject).replacingOccurrences(of: " ", with: "").lowercased()
    }
}
