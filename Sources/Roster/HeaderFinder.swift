import Support

/// Finds a table's header row: the first row whose cells, read by `match`, name the columns `isHeader`
/// asks for. One finder for every table kaowu reads (rosters, rooms tables, earlier plans); each says which
/// words mean which column and how many rows it searches.
public struct HeaderFinder<Column: Hashable>: Sendable {
    /// The column a header text (in key form, `TextCleaner.key`) means, if any.
    public let match: @Sendable (String) -> Column?
    /// Whether the columns found make a header.
    public let isHeader: @Sendable ([Column: Int]) -> Bool

    public init(match: @escaping @Sendable (String) -> Column?, isHeader: @escaping @Sendable ([Column: Int]) -> Bool) {
        self.match = match
        self.isHeader = isHeader
    }

    /// The columns `row` names (the first cell naming a column wins) and every cell's text in key form, when
    /// the row is a header; nil otherwise.
    public func header(in row: TableRow) -> (columns: [Column: Int], headers: [String])? {
        var columns: [Column: Int] = [:]
        var headers: [String] = []
        for (index, cell) in row.cells.enumerated() {
            let text = TextCleaner.key(cell.text)
            headers.append(text)
            if let column = match(text), columns[column] == nil { columns[column] = index }
        }
        return isHeader(columns) ? (columns, headers) : nil
    }
}
