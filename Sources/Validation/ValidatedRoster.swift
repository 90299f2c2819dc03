import Support

/// What validating a roster (and its photos) gives the stages after it: the report, the valid candidates
/// in roster order, and the rows left out (to name the people on lists of who was not seated).
public struct ValidatedRoster: Sendable {
    /// A row with at least one error: who it is, as far as the row says.
    public struct RefusedRow: Sendable, Equatable {
        public var row: Int
        public var name: String
        /// The document number as written (`TextCleaner.asWritten`).
        public var idNumber: String
    }

    public var report: ValidationReport
    public var candidates: [Candidate]
    public var refused: [RefusedRow]

    /// Adds problems found by a later stage (seating, say) to the report: all problems are then in row
    /// order, and a candidate who gets an error is no longer counted valid.
    public mutating func add(_ problems: [Problem]) {
        let newlyInvalid = Set(problems.filter { $0.severity == .error }.compactMap(\.row))
            .subtracting(report.problems.filter { $0.severity == .error }.compactMap(\.row))
        report.problems += problems
        report.problems.sort(by: ValidationReport.byRowThenEntry)
        report.valid -= newlyInvalid.count
    }
}
