/// Parses the bytes of regions.tsv (`code<TAB>name<TAB>start<TAB>end`, `#` comment lines) into
/// periods keyed by the numeric code. Byte-level so loading the 8,000-line table stays well under 50 ms.
enum RegionTableParser {
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int: [RegionPeriod]] {
        var table: [Int: [RegionPeriod]] = [:]
        table.reserveCapacity(7_200)
        var lineStart = 0
        let count = bytes.count
        while lineStart < count {
            var lineEnd = lineStart
            while lineEnd < count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            if let (code, period) = parseLine(bytes, lineStart, lineEnd) {
                table[code, default: []].append(period)
            }
            lineStart = lineEnd + 1
        }
        return table
    }

    /// One data line, or nil for comments, blank and malformed lines.
    private static func parseLine(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> (Int, RegionPeriod)? {
        var end = to
        if end > from && b[end - 1] == 0x0D { end -= 1 }          // tolerate CRLF
        if end - from < 10 || b[from] == UInt8(ascii: "#") { return nil }
        var fields: [Range<Int>] = []
        fields.reserveCapacity(4)
        var fieldStart = from
        for i in from..<end where b[i] == 0x09 {
            fields.append(fieldStart..<i)
            fieldStart = i + 1
        }
        fields.append(fieldStart..<end)
        guard fields.count == 4, fields[0].count == 6,
              let code = number(b, fields[0]), let start = number(b, fields[2]) else { return nil }
        let endYear = fields[3].isEmpty ? nil : number(b, fields[3])
        if !fields[3].isEmpty && endYear == nil { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: b[fields[1]]), as: UTF8.self)
        return (code, RegionPeriod(name: name, start: start, end: endYear))
    }

    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        if range.isEmpty { return nil }
        var value = 0
        for i in range {
            let d = Int(b[i]) - 48
            guard d >= 0 && d <= 9 else { return nil }
            value = value * 10 + d
        }
        return value
    }
}
