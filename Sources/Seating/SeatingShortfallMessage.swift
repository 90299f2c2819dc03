import Support

extension SeatingShortfall: Diagnostic {
    public var code: String { "seat.shortfall" }

    /// One line per short session: which session, how many seats are missing, of how many candidates and seats.
    public func message(_ l: Language) -> String {
        sessions.map { s in
            guard let session = s.session else {
                return l.pick("考场座位不足：还差 \(s.missing) 个座位（考生 \(s.needed) 人，座位 \(s.seats) 个）",
                              "not enough seats: \(s.missing) missing (\(s.needed) candidates, \(s.seats) seats)")
            }
            let when = "\(s.start.dropFirst(5))–\(s.end.suffix(5))"
            return l.pick("第 \(session + 1) 场“\(s.subject)”（\(when)）\(s.mode)考场座位不足：还差 \(s.missing) 个座位（本场考生 \(s.needed) 人，可用\(s.mode)座位 \(s.seats) 个）",
                          "session \(session + 1) \"\(s.subject)\" (\(when)): not enough \(s.mode) seats, \(s.missing) missing (\(s.needed) candidates in this session, \(s.seats) seats)")
        }.joined(separator: "\n")
    }
}
