import Foundation

/// PDF syntax for values the signer writes: text strings (UTF-16BE with its byte-order mark, as a hex
/// string, so Chinese names need no escaping) and dates (`D:YYYYMMDDHHmmSSZ`, and back).
enum PDFTextString {
    /// `<FEFF…>`: `text` as a PDF text string.
    static func hex(_ text: String) -> String {
        "<FEFF" + text.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }

    /// `(D:20261204093000Z)`: `date` in UTC as a PDF date string.
    static func date(_ date: Date) -> String {
        "(D:" + formatter().string(from: date) + "Z)"
    }

    /// The date of a PDF date string's bytes (`D:YYYYMMDDHHmmSS` then `Z`, or `+HH'mm'`/`-HH'mm'`, trailing
    /// parts optional); nil when it is not one.
    static func parseDate(_ bytes: [UInt8]) -> Date? {
        guard bytes.count <= 64, var text = String(bytes: bytes, encoding: .ascii) else { return nil }
        if text.hasPrefix("D:") { text.removeFirst(2) }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard digits.count >= 4, digits.count <= 14, digits.count % 2 == 0 else { return nil }
        var fields = [Int]()
        var index = digits.startIndex
        fields.append(Int(digits[index..<digits.index(index, offsetBy: 4)])!)
        index = digits.index(index, offsetBy: 4)
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            fields.append(Int(digits[index..<next])!)
            index = next
        }
        let defaults = [0, 1, 1, 0, 0, 0]
        let value = { (i: Int) in i < fields.count ? fields[i] : defaults[i] }
        var offset = 0
        let rest = text.dropFirst(digits.count)
        if let sign = rest.first, sign == "+" || sign == "-" {
            let zone = rest.dropFirst().filter { $0.isASCII && $0.isNumber }
            guard zone.count == 2 || zone.count == 4, let hours = Int(zone.prefix(2)), let minutes = Int(zone.dropFirst(2).isEmpty ? "0" : String(zone.dropFirst(2))),
                  hours <= 23, minutes <= 59 else { return nil }
            offset = (hours * 3600 + minutes * 60) * (sign == "-" ? -1 : 1)
        } else if let first = rest.first, first != "Z" {
            return nil
        }
        guard (1...12).contains(value(1)), (1...31).contains(value(2)), value(3) <= 23, value(4) <= 59, value(5) <= 59 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: value(0), month: value(1), day: value(2), hour: value(3), minute: value(4), second: value(5))
        return calendar.date(from: components).map { $0.addingTimeInterval(TimeInterval(-offset)) }
    }

    private static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss"
        return formatter
    }
}
