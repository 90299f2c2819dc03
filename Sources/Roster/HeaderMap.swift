import Support

/// Where each field is in a roster: the header row found (title rows above it are skipped), which
/// column holds which field, and the headers of the columns kaowu does not interpret (kept for templates).
public struct HeaderMap: Sendable {
    /// The spreadsheet row number of the header.
    public let row: Int
    /// Header text of every column, cleaned.
    public let headers: [String]
    /// Zero-based column of each recognised field.
    public let columns: [Field: Int]

    /// The column of `field`, if the roster has it.
    public subscript(field: Field) -> Int? { columns[field] }

    /// How many of the first rows are searched for the header.
    public static let searchDepth = 20

    /// Finds the header among `rows` (the first rows of the table): the first row where at least two cells
    /// name known fields, one of them the name or the ID number. `overrides` maps a header text to a field
    /// (`--map 列名=field`) and wins over the aliases.
    public static func detect(in rows: [TableRow], overrides: [String: Field] = [:]) -> HeaderMap? {
        let normalizedOverrides = Dictionary(overrides.map { (Field.normalizeHeader($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        for row in rows.prefix(searchDepth) {
            var columns: [Field: Int] = [:]
            var headers: [String] = []
            for (index, cell) in row.cells.enumerated() {
                let text = TextCleaner.clean(cell.text)
                headers.append(text)
                let key = Field.normalizeHeader(text)
                guard let field = normalizedOverrides[key] ?? Field.byAlias[key], columns[field] == nil else { continue }
                columns[field] = index
            }
            if columns.count >= 2, columns[.name] != nil || columns[.id] != nil {
                return HeaderMap(row: row.number, headers: headers, columns: columns)
            }
        }
        return nil
    }

    /// The header text of `column`, or its letter when it has none.
    public func header(of column: Int) -> String {
        column < headers.count && !headers[column].isEmpty ? headers[column] : columnLetters(column)
    }
}
