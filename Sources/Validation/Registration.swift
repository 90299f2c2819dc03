import Support

/// One thing a candidate sits: a subject (报考科目) and the roster row that asked for it. A person registered
/// for 基础考核 and 实操考核 has two, from one cell (`基础考核、实操考核`) or from two rows with the same number.
public struct Registration: Sendable, Equatable {
    /// The subject as written.
    public var subject: String
    /// The spreadsheet row it came from (problems about it name this row).
    public var row: Int

    public init(subject: String, row: Int) {
        self.subject = subject
        self.row = row
    }

    /// The characters that separate several subjects in one cell: 、，,；;
    public static let separators: Set<Character> = ["、", "，", ",", "；", ";"]

    /// The subjects of one cell, as written, in order: `基础考核、实操考核` gives two. A blank cell gives one
    /// blank subject (a roster without subjects still makes one registration per person).
    public static func subjects(in cell: String) -> [String] {
        let pieces = cell.split(whereSeparator: { separators.contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return pieces.isEmpty ? [cell.trimmingCharacters(in: .whitespaces)] : pieces
    }

    /// A subject as it is matched (with sessions, and with a person's other registrations): its key form
    /// (`TextCleaner.key`), without spaces, lower case.
    public static func key(_ subject: String) -> String {
        TextCleaner.key(subject).replacingOccurrences(of: " ", with: "").lowercased()
    }
}
