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
        guard cell.contains(where: { separators.contains($0) }) else { return [trimmed(cell)] }
        let pieces = cell.split(whereSeparator: { separators.contains($0) }).map { trimmed(String($0)) }.filter { !$0.isEmpty }
        return pieces.isEmpty ? [""] : pieces
    }

    /// `text` without white space at either end (the same string when there is none).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, first.properties.isWhitespace || last.properties.isWhitespace else { return text }
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }

    /// A subject as it is matched (with sessions, and with a person's other registrations): its key form
    /// (`TextCleaner.key`), without spaces, lower case.
    public static func key(_ subject: String) -> String {
        var key = TextCleaner.key(subject)
        if key.contains(" ") { key = String(key.unicodeScalars.filter { $0 != " " }.map(Character.init)) }
        if key.utf8.contains(where: { (0x41...0x5A).contains($0) }) { key = key.lowercased() }
        return key
    }
}
