extension Dictionary where Value == Int, Key == Int {
    /// Exchanges the values at two keys.
    mutating func swapAt(_ a: Int, _ b: Int) {
        let va = self[a], vb = self[b]
        self[a] = vb
        self[b] = va
    }
}

/// Seats one room for one session: seats are filled in seat-number order, each time with the first waiting
/// person whose school differs from the already seated neighbours (front, back, left, right), then
/// same-school neighbours left over are swapped away where a swap clears both desks. Fixed seats (kept
/// from an earlier plan, or a person's seat in an earlier session) do not move. People are plain integers
/// (the caller's indices) with their schools in key form.
struct RoomSeater {
    let grid: SeatGrid
    let separateSchools: Bool
    let school: (Int) -> String

    /// The seat → person map of the room: `fixed` as given, `queue` in seats still free.
    func seat(fixed: [Int: Int], queue waiting: [Int]) -> [Int: Int] {
        var seated = fixed
        var queue = waiting
        var remaining: [String: Int] = [:]
        for c in queue { remaining[school(c), default: 0] += 1 }
        for seat in 1...max(1, grid.room.seats) where seated[seat] == nil && !queue.isEmpty && seat <= grid.room.seats {
            var pick = 0
            if separateSchools {
                let neighbourSchools = Set(grid.neighbours(of: seat).compactMap { seated[$0] }.map(school))
                // Of the schools that may sit here, take the one with most people still waiting (so the last
                // seats are not left to a single school), its first person in order.
                var best: (index: Int, count: Int)?
                for (i, c) in queue.enumerated() {
                    let s = school(c)
                    guard s.isEmpty || !neighbourSchools.contains(s) else { continue }
                    let count = remaining[s] ?? 0
                    if best == nil || count > best!.count { best = (i, count) }
                }
                if let best { pick = best.index }
            }
            let chosen = queue.remove(at: pick)
            remaining[school(chosen), default: 1] -= 1
            seated[seat] = chosen
        }
        if separateSchools { repair(&seated, fixed: Set(fixed.keys)) }
        return seated
    }

    /// Pairs of neighbouring seats (lower seat first) whose people are of one school.
    func clashes(in seated: [Int: Int]) -> [(seat: Int, neighbour: Int)] {
        var found: [(Int, Int)] = []
        for (seat, person) in seated.sorted(by: { $0.key < $1.key }) where !school(person).isEmpty {
            for neighbour in grid.neighbours(of: seat) where neighbour > seat {
                if let other = seated[neighbour], school(other) == school(person) { found.append((seat, neighbour)) }
            }
        }
        return found
    }

    /// Removes same-school neighbours the greedy pass left, by swapping one of them with a person elsewhere
    /// in the room when the swap leaves both desks without a same-school neighbour.
    private func repair(_ seated: inout [Int: Int], fixed: Set<Int>) {
        func schoolAt(_ seat: Int) -> String? { seated[seat].map(school) }
        func clashes(_ seat: Int) -> Bool {
            guard let own = schoolAt(seat), !own.isEmpty else { return false }
            return grid.neighbours(of: seat).contains { schoolAt($0) == own }
        }
        let seats = seated.keys.sorted()
        for _ in 0..<2 {
            for s in seats where !fixed.contains(s) && clashes(s) {
                for t in seats where t != s && !fixed.contains(t) && schoolAt(t) != schoolAt(s) {
                    seated.swapAt(s, t)
                    if !clashes(s) && !clashes(t) { break }
                    seated.swapAt(s, t)
                }
            }
        }
    }
}
