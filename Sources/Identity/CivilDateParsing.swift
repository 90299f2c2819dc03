extension CivilDate {
    /// Parses the ways rosters write dates: 1990-03-07, 1990/3/7, 1990.03.07, 19900307, 1990年3月7日,
    /// and month-only 1990-03, 1990/3, 199003, 1990年3月. Nil for anything else.
    public static func parse(_ text: String) -> CivilDate? {
        var numbers: [Int] = []
        var digitsOfCurrent = 0
        var current = 0
        var separators = 0
        for scalar in text.unicodeScalars {
            if let d = scalar.properties.numericType != nil ? Int(String(scalar)) : nil, scalar.isASCII {
                current = current * 10 + d
                digitsOfCurrent += 1
                if digitsOfCurrent > 8 { return nil }
            } else if ["-", "/", ".", "年", "月", "日", " "].contains(scalar) {
                if digitsOfCurrent > 0 { numbers.append(current); current = 0; digitsOfCurrent = 0 }
                separators += 1
            } else {
                return nil
            }
        }
        if digitsOfCurrent > 0 {
            if numbers.isEmpty && separators == 0 {
                // Packed digits: 19900307 or 199003.
                let s = String(current)
                if digitsOfCurrent == 8 { return CivilDate(year: current / 10_000, month: current / 100 % 100, day: current % 100) }
                if digitsOfCurrent == 6 && s.count == 6 { return CivilDate(year: current / 100, month: current % 100) }
                return nil
            }
            numbers.append(current)
        }
        switch numbers.count {
        case 3 where numbers[0] >= 1000: return CivilDate(year: numbers[0], month: numbers[1], day: numbers[2])
        case 2 where numbers[0] >= 1000: return CivilDate(year: numbers[0], month: numbers[1])
        default: return nil
        }
    }
}
