import Support

extension SeatOrder {
    /// The indices of `candidates` in this order: as in the roster, sorted by school (as a key) then document
    /// number, or shuffled with the seed (the same seed gives the same order).
    public func arrange<C: Seatable>(_ candidates: [C]) -> [Int] {
        var indices = Array(candidates.indices)
        switch self {
        case .roster: break
        case .sorted:
            let schools = candidates.map { SeatingPlanner.normalize($0.school) }
            indices.sort { (schools[$0], candidates[$0].key) < (schools[$1], candidates[$1].key) }
        case .shuffle(let seed):
            var random = SeededRandom(seed: seed)
            for i in stride(from: indices.count - 1, to: 0, by: -1) {
                let j = Int(random.next() % UInt64(i + 1))
                indices.swapAt(i, j)
            }
        }
        return indices
    }
}
