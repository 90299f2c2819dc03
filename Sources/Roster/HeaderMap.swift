import Support

/// Where each field is in a roster: the header row found (title rows above it are skipped), which
/// column holds which field, and the headers of the columns kaowu does not interpret (kept for templates).
public struct HeaderMap: Sendable {
    /// The spreadsheet row number of the header.
    public let row: Int
    /// Header text of every column in key form (`TextCleaner.key`: NFKC, spaces folded).
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
        let finder = HeaderFinder<Field>(match: { text in
            let key = Field.normalizeHeader(text)
            return normalizedOverrides[key] ?? Field.byAlias[key]
        }, isHeader: { columns in columns.count >= 2 && (columns[.name] != nil || columns[.id] != nil) })
        for row in rows.prefix(searchDepth) {
            if let found = finder.header(in: row) { return HeaderMap(row: row.number, headers: found.headers, columns: found.columns) }
        }
        return nil
    }

    /// The header text of `column`, or its letter when it has none.
    public func header(of column: Int) -> String {
        column < headers.count && !headers[column].isEmpty ? headers[column] : columnLetters(column)
    }
}
