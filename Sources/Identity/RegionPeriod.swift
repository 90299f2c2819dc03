import Support

/// One period during which a GB/T 2260 code stood for one name (years inclusive; `end == nil` = still in use).
public struct RegionPeriod: Sendable, Hashable {
    /// The name published for the code in that period, without province or city prefix (e.g. "东城区").
    public let name: String
    /// First year in use (1980 = since the first edition, GB 2260-1980).
    public let start: Int
    /// Last year in use, or nil when still in use.
    public let end: Int?

    public init(name: String, start: Int, end: Int?) {
        self.name = name
        self.start = start
        self.end = end
    }

    /// True when the period shares at least one year with `from...to`.
    public func overlaps(from: Int, to: Int) -> Bool {
        start <= to && (end ?? Int.max) >= from
    }

    /// True when the code was in use in `year`.
    public func contains(_ year: Int) -> Bool { overlaps(from: year, to: year) }

    /// "1980–2009 年" / "1986 年至今", or "1980–2009" / "1986–present".
    func yearsText(_ language: Language) -> String {
        if let end { return language.pick("\(start)–\(end) 年", "\(start)–\(end)") }
        return language.pick("\(start) 年至今", "\(start)–present")
    }
}
