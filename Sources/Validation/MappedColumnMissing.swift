import Roster
import Support

/// A `--map HEADER=field` naming a column the roster does not have (a typo, or another sheet's header):
/// a usage mistake (exit status 2), found when the header row is read, naming the headers that are there.
public struct MappedColumnMissing: Error, Diagnostic, Equatable {
    /// The roster file.
    public let file: String
    /// The header text as given to `--map`.
    public let header: String
    public let field: Field
    /// The spreadsheet row of the header (nil when no header row was found).
    public let headerRow: Int?
    /// The headers of the roster (or, when no header row was found, the first row with text), as read.
    public let headersFound: [String]

    public var code: String { "roster.map-column-missing" }

    public var facts: DiagnosticFacts {
        DiagnosticFacts(file: file, row: headerRow, field: field.rawValue, key: "--map", value: header)
    }

    public func message(_ language: Language) -> String {
        let found = headersFound.filter { !$0.isEmpty }
        let mapping = "--map \(header)=\(field.rawValue)"
        switch language {
        case .zh:
            let list = found.isEmpty ? "没有找到表头" : "找到的表头：\(found.joined(separator: "、"))"
            return "\(mapping)：名单 \(file) 里没有“\(header)”这一列（\(list)）。请按名单中的表头原样填写"
        case .en:
            let list = found.isEmpty ? "no header found" : "headers found: \(found.joined(separator: ", "))"
            return "\(mapping): the roster \(file) has no column \"\(header)\" (\(list)); give the header as the roster writes it"
        }
    }

    /// The mappings of `mappings` that no header of `headers` (a header row's texts) matches, compared as
    /// header aliases are (no spaces, `*` or notes in brackets, any case), in the order of their header texts.
    public static func find(_ mappings: [String: Field], headers: [String], headerRow: Int?, file: String) -> [MappedColumnMissing] {
        let present = Set(headers.map(Field.normalizeHeader))
        return mappings.sorted { $0.key < $1.key }
            .filter { !present.contains(Field.normalizeHeader($0.key)) }
            .map { MappedColumnMissing(file: file, header: $0.key, field: $0.value, headerRow: headerRow, headersFound: headers) }
    }
}
