import Foundation
import Photos
import Support

/// The outcome of validating a roster and its photos: the counts and every problem (design §3).
/// `rows` = `valid` + rows with at least one error.
public struct ValidationReport: Sendable, Encodable {
    /// Data rows read (blank rows are not counted).
    public var rows = 0
    /// Rows without any error.
    public var valid = 0
    /// Photo files found in the archive (folders and archiver litter not counted).
    public var photos = 0
    public var problems: [Problem] = []

    // Additions to the design's schema (documented in the README).
    /// The roster file, sheet, format/encoding and header row that were read.
    public var roster: RosterFacts?
    /// How many photos have each background colour (`red`, `blue`, `white`, `other`).
    public var backgrounds: [String: Int] = [:]
    /// How the photo archive's names without the UTF-8 flag were read (encoding, and what settled it).
    public var photoNames: NameEncodingChoice?
    /// `--map` entries naming columns the roster does not have: a usage mistake, so nothing else was
    /// checked (the command line reports them and exits with status 2; not part of the JSON).
    public var mappingMistakes: [MappedColumnMissing] = []

    /// Facts about the roster as read.
    public struct RosterFacts: Sendable, Codable {
        public var file: String
        public var sheet: String?
        public var format: String?
        public var headerRow: Int?
        /// Recognised field → column letter.
        public var columns: [String: String] = [:]
    }

    /// Row order, then archive order of entry names; problems without a row last.
    public static func byRowThenEntry(_ a: Problem, _ b: Problem) -> Bool {
        let ra = a.row ?? Int.max, rb = b.row ?? Int.max
        if ra != rb { return ra < rb }
        return (a.entry ?? "") < (b.entry ?? "")
    }

    /// Problems of error severity.
    public var errorCount: Int { problems.filter { $0.severity == .error }.count }
    /// Problems of warning severity.
    public var warningCount: Int { problems.count - errorCount }
    /// Whether anything must be fixed before printing (exit status 1).
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    enum CodingKeys: String, CodingKey { case rows, valid, photos, problems, roster, backgrounds, photoNames }

    /// The report as JSON (UTF-8, keys sorted so output is stable, Chinese unescaped), messages in `language`.
    public func json(_ language: Language) throws -> Data {
        let encoder = JSONEncoder()
        encoder.userInfo[Problem.languageKey] = language
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
