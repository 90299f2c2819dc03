/// Columns of text lined up for a terminal: each cell padded to its column's width in terminal cells,
/// Chinese and other wide characters counting two.
enum TextTable {
    /// The rows as lines, columns separated by two spaces (the last column not padded).
    static func render(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], width(cell)) }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - width(cell))
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// Terminal cells `text` takes: East Asian wide and full-width characters two, combining marks none.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { sum, scalar in
            let v = scalar.value
            if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark || v == 0x200B { return sum }
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) && v != 0x303F || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
                || (0x20000...0x3FFFD).contains(v)
            return sum + (wide ? 2 : 1)
        }
    }
}
