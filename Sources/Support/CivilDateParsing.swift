extension CivilDate {
    /// Parses a date cell: 1990-03-07, 1990/3/7, 1990.03.07, 19900307, 1990年3月7日 (or 7号), and the
    /// month-precision forms 1990-03, 1990/3, 1990.03, 199003, 1990年3月, 1990年03月. Full-width digits are
    /// accepted; a trailing time (" 00:00:00") is ignored. Anything else, or an impossible date, gives nil.
    public static func parse(_ text: String) -> CivilDate? {
        var cleaned = TextCleaner.key(text)
        return cleaned.withUTF8 { parse(bytes: $0) }
    }

    private static let chineseYear: [UInt8] = Array("年".utf8)
    private static let chineseMonth: [UInt8] = Array("月".utf8)
    private static let chineseDay: [UInt8] = Array("日".utf8)
    private static let chineseHao: [UInt8] = Array("号".utf8)

    static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        var i = 0
        let n = timeTrimmedCount(b)
        func digits() -> (value: Int, count: Int) {
            var value = 0, count = 0
            // Only up to 8 digits ever make a date: longer runs are counted but not added up (no overflow).
            while i < n, b[i] >= 48, b[i] <= 57 {
                if count < 9 { value = value * 10 + Int(b[i] - 48) }
                i += 1
                count += 1
            }
            return (value, count)
        }
        func take(_ word: [UInt8]) -> Bool {
            guard i + word.count <= n else { return false }
            for k in 0..<word.count where b[i + k] != word[k] { return false }
            i += word.count
            return true
        }
        let first = digits()
        if i == n {                                  // 19900307 or 199003
            switch first.count {
            case 8: return CivilDate(year: first.value / 10_000, month: first.value / 100 % 100, day: first.value % 100)
            case 6: return CivilDate(year: first.value / 100, month: first.value % 100)
            default: return nil
            }
        }
        guard first.count == 4 else { return nil }
        let year = first.value
        if take(chineseYear) {                       // 1990年3月[7日]
            let month = digits()
            guard (1...2).contains(month.count), take(chineseMonth) || i == n else { return nil }
            if i == n { return CivilDate(year: year, month: month.value) }
            let day = digits()
            guard (1...2).contains(day.count) else { return nil }
            _ = take(chineseDay) || take(chineseHao)
            return i == n ? CivilDate(year: year, month: month.value, day: day.value) : nil
        }
        let separator = b[i]
        guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") || separator == UInt8(ascii: ".") else {
            return nil
        }
        i += 1
        let month = digits()
        guard (1...2).contains(month.count) else { return nil }
        if i == n { return CivilDate(year: year, month: month.value) }
        guard b[i] == separator else { return nil }
        i += 1
        let day = digits()
        guard (1...2).contains(day.count), i == n else { return nil }
        return CivilDate(year: year, month: month.value, day: day.value)
    }

    /// Length without a trailing " hh:mm[:ss]" or "Thh:mm[:ss]" time part.
    private static func timeTrimmedCount(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        guard let cut = b.firstIndex(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "T") }) else { return b.count }
        let rest = b[(cut + 1)...]
        guard !rest.isEmpty, rest.contains(UInt8(ascii: ":")),
              rest.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }) else {
            return b.count
        }
        return cut
    }
}
