import Support

/// How long a certificate is valid from its issue date: whole years or months (`5y`, `36m`, to the day
/// before the same date: 2026-07-20 + 5y is valid to 2031-07-19), or without end (`长期`, `none`).
public enum Validity: Sendable, Equatable {
    case years(Int)
    case months(Int)
    case permanent

    /// Reads `5y`, `5年`, `36m`, `36个月`, `长期` or `none`; nil for anything else.
    public static func parse(_ text: String) -> Validity? {
        let key = TextCleaner.key(text).lowercased().replacingOccurrences(of: " ", with: "")
        if ["none", "permanent", "长期", "长期有效", "无"].contains(key) { return .permanent }
        for (suffixes, make) in [(["y", "年"], Validity.years), (["m", "个月", "月"], Validity.months)] {
            for suffix in suffixes where key.hasSuffix(suffix) {
                guard let count = Int(key.dropLast(suffix.count)), count > 0 else { return nil }
                let value = make(count)
                guard value.months <= 100 * 12 else { return nil }
                return value
            }
        }
        return nil
    }

    private var months: Int {
        switch self {
        case .years(let n): return n * 12
        case .months(let n): return n
        case .permanent: return 0
        }
    }

    /// The last day the certificate is valid, or nil when it has no end.
    public func lastDay(from issued: CivilDate) -> CivilDate? {
        guard self != .permanent else { return nil }
        let total = issued.year * 12 + (issued.month - 1) + months
        let year = total / 12, month = total % 12 + 1
        // The same day of the month (the last day when the month is shorter), minus one day.
        let day = min(issued.day, CivilDate.daysIn(month: month, year: year))
        let anniversary = CivilDate(year: year, month: month, day: day)!
        return anniversary.adding(days: -1)
    }
}
