/// A person's columns in 24 bytes without an allocation: which of the first 64 columns are blank, and one
/// byte of each column's hash (16 bytes: column i uses byte i mod 16). Rows whose columns agree always have
/// equal fingerprints; `differing` names the columns given in both whose bytes differ. A difference whose
/// hashes happen to share that byte (1 in 256) goes unnoticed: the first row's value is then the person's,
/// as it is for every column that belongs to the person.
struct Fingerprint: Equatable {
    private var blank: UInt64 = 0
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// Adds column `i` (0-based) by its hash, nil when blank.
    mutating func add(_ i: Int, _ hash: Int?) {
        guard let hash else {
            if i < 64 { blank |= 1 << UInt64(i) }
            return
        }
        let byte = UInt64(UInt8(truncatingIfNeeded: hash ^ (hash >> 8) ^ (hash >> 16) ^ (hash >> 24)))
        let slot = i % 16, shift = UInt64((slot % 8) * 8)
        if slot < 8 { low ^= byte << shift } else { high ^= byte << shift }
    }

    /// The columns among the first `count` given in both and different, as far as the bytes tell.
    func differing(from other: Fingerprint, count: Int) -> [Int] {
        guard self != other else { return [] }
        return (0..<count).filter { i in
            guard !isBlank(i), !other.isBlank(i) else { return false }
            return byte(i) != other.byte(i)
        }
    }

    private func isBlank(_ i: Int) -> Bool { i < 64 && blank & (1 << UInt64(i)) != 0 }

    private func byte(_ i: Int) -> UInt64 {
        let slot = i % 16, shift = UInt64((slot % 8) * 8)
        return (slot < 8 ? low : high) >> shift & 0xFF
    }
}
