import Foundation

/// The cells of a written workbook's sheets, read from the sheet XML itself (unzipped with `unzip`): each
/// cell's reference, its type attribute (`s` shared string, `inlineStr`, `str`; none for a number) and its
/// text, so tests see exactly how a value was stored.
public enum XlsxCells {
    public struct Cell: Sendable, Equatable {
        public var reference: String
        /// The `t` attribute; nil for a number.
        public var type: String?
        /// The inline string's text or the `<v>` value (a shared string's index).
        public var value: String

        /// Whether the cell is only formatted, with no value (`<c r="G4" s="2"/>`).
        public var isBlank: Bool

        /// Whether Excel reads the cell as text.
        public var isText: Bool { type == "s" || type == "inlineStr" || type == "str" }
        /// Whether the cell holds a value that is not text (a number, a boolean, an error).
        public var holdsNonText: Bool { !isBlank && !isText }
    }

    /// The worksheet files of the workbook at `path` (`xl/worksheets/sheet1.xml`, …).
    public static func sheets(of path: String) throws -> [String] {
        let listing = try Tool.run("unzip", ["-Z1", path]).output
        return listing.split(separator: "\n").map(String.init).filter { $0.hasPrefix("xl/worksheets/sheet") && $0.hasSuffix(".xml") }.sorted()
    }

    /// Every cell of `sheet` (a file inside the workbook at `path`).
    public static func cells(of path: String, sheet: String) throws -> [Cell] {
        let xml = try Tool.run("unzip", ["-p", path, sheet]).output
        var cells: [Cell] = []
        for match in xml.matches(of: /<c r="([A-Z]+[0-9]+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/) {
            let attributes = String(match.output.2)
            let type = attributes.firstMatch(of: /t="([^"]*)"/).map { String($0.output.1) }
            let body = match.output.3.map(String.init) ?? ""
            let value = body.firstMatch(of: /<t[^>]*>(.*?)<\/t>/).map { String($0.output.1) }
                ?? body.firstMatch(of: /<v>(.*?)<\/v>/).map { String($0.output.1) } ?? ""
            cells.append(Cell(reference: String(match.output.1), type: type, value: value, isBlank: body.isEmpty))
        }
        return cells
    }
}
