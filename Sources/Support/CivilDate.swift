import Foundation

/// A calendar date without time zone, to the day or, when `hasDay` is false, to the month only
/// (a roster's 出生年月 "1990-03"). Compare a roster date with an ID's birth date using `matches(_:)`.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    /// Day of the month; 1 when `hasDay` is false.
    public let day: Int
    /// False for a month-precision date such as 1990-03.
    public let hasDay: Bool

    /// A full date; nil unless it exists in the Gregorian calendar (29 February only in leap years).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hasDay = true
    }

    /// A month-precision date (day unknown).
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
        self.day = 1
        self.hasDay = false
    }

    /// True when both dates denote the same day, or the same month when either has month precision only.
    public func matches(_ other: CivilDate) -> Bool {
        year == other.year && month == other.month && (!hasDay || !other.hasDay || day == other.day)
    }

    /// "1990-03-07", or "1990-03" for a month-precision date.
    public var description: String {
        let y = String(year)
        let ym = String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + Self.twoDigits(month)
        return hasDay ? ym + "-" + Self.twoDigits(day) : ym
    }

    /// Today's date in China (Asia/Shanghai).
    public static func today() -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// Orders by year, month, day; a month-precision date sorts before the first of that month.
    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day, a.hasDay ? 1 : 0) < (b.year, b.month, b.day, b.hasDay ? 1 : 0)
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// The number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// Days since 1970-01-01 (negative: before).
    public var daysSince1970: Int { DayCount.days(year: year, month: month, day: day) }

    /// This date moved by `days` (to the day).
    public func adding(days: Int) -> CivilDate {
        let c = DayCount.civil(daysSince1970: daysSince1970 + days)
        return CivilDate(year: c.year, month: c.month, day: c.day)!
    }
}
