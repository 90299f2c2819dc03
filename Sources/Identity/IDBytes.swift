import Support

/// Byte-level helpers shared by the rules (ASCII only; no regexes, no formatters).
enum IDBytes {
    static let weights: [Int] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkChars: [UInt8] = Array("10X98765432".utf8)

    /// MOD 11-2 check byte for `b[0..<17]`, or nil when one of them is not a digit.
    static func checkByte(_ b: [UInt8]) -> UInt8? {
        guard b.count >= 17 else { return nil }
        var sum = 0
        for i in 0..<17 {
            let d = Int(b[i]) &- 48
            guard d >= 0 && d <= 9 else { return nil }
            sum += d * weights[i]
        }
        return checkChars[sum % 11]
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    static func isUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }

    static func allDigits(_ b: [UInt8], _ range: Range<Int>) -> Bool {
        for i in range where !isDigit(b[i]) { return false }
        return true
    }

    /// Index of the first byte in `range` that is not a digit.
    static func firstNonDigit(_ b: [UInt8], _ range: Range<Int>) -> Int? {
        for i in range where !isDigit(b[i]) { return i }
        return nil
    }

    static func number(_ b: [UInt8], _ range: Range<Int>) -> Int {
        var value = 0
        for i in range { value = value * 10 + Int(b[i]) - 48 }
        return value
    }

    /// The full date in `b[at..<at+8]` (YYYYMMDD digits), or nil when impossible.
    static func date(_ b: [UInt8], at: Int) -> CivilDate? {
        CivilDate(year: number(b, at..<at + 4), month: number(b, at + 4..<at + 6), day: number(b, at + 6..<at + 8))
    }

    static func gender(_ digit: UInt8) -> Gender { (digit - 48) % 2 == 1 ? .male : .female }
}
