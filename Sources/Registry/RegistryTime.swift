import Foundation
import Support

/// Times as the registry stores them: text in UTC to the millisecond, `2026-12-04T09:30:05.123Z`, which
/// sorts in time order, reads the same in any SQL tool and maps onto a timestamp column elsewhere. A time
/// read back is exactly the time written (`normalised`), for times from year 0001 to 9999.
public enum RegistryTime {
    /// Milliseconds of 0001-01-01T00:00:00Z and of 9999-12-31T23:59:59.999Z since 1970.
    static let earliest: Int64 = -62_135_596_800_000, latest: Int64 = 253_402_300_799_999

    /// `date` to the millisecond (within the years 0001–9999): what the registry gives back for it.
    public static func normalised(_ date: Date) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds(date)) / 1000)
    }

    /// The stored text of `date`.
    public static func text(_ date: Date) -> String {
        let ms = milliseconds(date)
        let (days, msOfDay) = floorDivision(ms, 86_400_000)
        let (year, month, day) = DayCount.civil(daysSince1970: Int(days))
        let seconds = Int(msOfDay / 1000), millis = Int(msOfDay % 1000)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":"
            + pad(seconds % 60, 2) + "." + pad(millis, 3) + "Z"
    }

    /// The time of stored text, nil unless it is exactly in the form `text` writes and a real time.
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count == 24, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[19] == 0x2E, b[23] == 0x5A else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard (0x30...0x39).contains(b[i]) else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
              let minute = number(14..<16), let second = number(17..<19), let millis = number(20..<23),
              year >= 1, let date = CivilDate(year: year, month: month, day: day), hour < 24, minute < 60, second < 60 else { return nil }
        let days = daysSince1970(year: date.year, month: date.month, day: date.day)
        let ms = Int64(days) * 86_400_000 + Int64(((hour * 60 + minute) * 60 + second) * 1000 + millis)
        return Date(timeIntervalSince1970: Double(ms) / 1000)
    }

    /// China's time zone, in which kaowu shows times (as `CivilDate.today()` judges dates).
    public static let china = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt

    /// `date` for a person: the time in `zone` (China's by default) to the second with its UTC offset,
    /// `2026-12-04 17:30:05 +08:00`.
    public static func display(_ date: Date, in zone: TimeZone = china) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let seconds = Int64((Double(milliseconds(date)) / 1000).rounded(.down)) + Int64(offset)
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        let (year, month, day) = DayCount.civil(daysSince1970: Int(days))
        let s = Int(secondOfDay), sign = offset < 0 ? "-" : "+", o = abs(offset) / 60
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + " " + pad(s / 3600, 2) + ":" + pad(s / 60 % 60, 2) + ":" + pad(s % 60, 2)
            + " " + sign + pad(o / 60, 2) + ":" + pad(o % 60, 2)
    }

    static func milliseconds(_ date: Date) -> Int64 {
        let ms = (date.timeIntervalSince1970 * 1000).rounded()
        guard ms.isFinite else { return 0 }
        return Int64(min(max(ms, Double(earliest)), Double(latest)))
    }

    /// Days since 1970-01-01 of a Gregorian date (the inverse of `DayCount.civil`).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func floorDivision(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b, r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
