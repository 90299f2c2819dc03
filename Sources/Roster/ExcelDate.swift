import Support

/// Converts Excel date serial numbers (1900 and 1904 systems) and recognises date number formats.
enum ExcelDate {
    /// The calendar date of `serial` (time of day ignored); nil outside 1900–9999.
    static func civil(serial: Double, date1904: Bool) -> (year: Int, month: Int, day: Int)? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        if !date1904 && days < 1 { return nil }     // serial 0 is Excel's "1900-01-00"
        if date1904 {
            days += 1462            // 1904-01-01 is serial 1462 in the 1900 system
        } else if days == 60 {
            return (1900, 2, 29)    // Lotus 1-2-3's phantom leap day, kept by Excel
        } else if days < 60 {
            days += 1               // before the phantom day the offset is one less
        }
        return DayCount.civil(daysSince1970: days - 25569)   // 1970-01-01 is serial 25569
    }

    /// Built-in number formats that show dates (including the Chinese-locale ids 27–36 and 50–58).
    static let builtInDateFormats: Set<Int> = Set(14...17).union([22]).union(27...36).union(50...58)

    /// Whether a custom format code shows a date: it has y or d outside quotes, brackets and escapes.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, escaped = false
        for ch in code {
            if escaped { escaped = false; continue }
            switch ch {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case "y", "Y", "d", "D":
                if !inQuote && !inBracket { return true }
            default: break
            }
        }
        return false
    }
}
