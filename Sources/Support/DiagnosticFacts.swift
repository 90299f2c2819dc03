/// Where a diagnostic points, each fact when known: the file, its line (a text file) or row (a
/// spreadsheet, header = row 1) and column letter, the field or key, the offending value, the archive entry.
public struct DiagnosticFacts: Sendable, Equatable {
    public var file: String?
    /// Line of a text file (a job or template YAML).
    public var line: Int?
    /// Spreadsheet row a person sees.
    public var row: Int?
    /// Column letter (`C`).
    public var column: String?
    /// Roster field (`id`, `name`, …) of the column.
    public var field: String?
    /// Key of a YAML file (`exam.date`, `elements[0].text`).
    public var key: String?
    /// The offending value as read.
    public var value: String?
    /// Archive entry name.
    public var entry: String?

    public init(file: String? = nil, line: Int? = nil, row: Int? = nil, column: String? = nil, field: String? = nil,
                key: String? = nil, value: String? = nil, entry: String? = nil) {
        self.file = file
        self.line = line
        self.row = row
        self.column = column
        self.field = field
        self.key = key
        self.value = value
        self.entry = entry
    }
}
