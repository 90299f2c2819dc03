import Support

extension SeatingShortfall: Diagnostic {
    public var code: String { "seat.shortfall" }

    /// One line per short mode: how many seats are missing, of how many candidates and seats.
    public func message(_ l: Language) -> String {
        missing.keys.sorted().map { mode in
            let m = missing[mode]!, n = needed[mode] ?? 0, s = seats[mode] ?? 0
            return l.pick("\(mode)考场座位不足：还差 \(m) 个座位（\(mode)考生 \(n) 人，\(mode)座位 \(s) 个）",
                          "not enough \(mode) seats: \(m) missing (\(n) candidates, \(s) seats)")
        }.joined(separator: "\n")
    }
}
