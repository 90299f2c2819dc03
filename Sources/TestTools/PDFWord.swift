import Foundation

/// A word of a PDF page and where it is, as `pdftotext -bbox` reads it (points from the page's top left),
/// for tests that check where things are printed.
public struct PDFWord: Sendable, Equatable {
    /// 1-based page number.
    public let page: Int
    public let text: String
    public let xMin: Double, yMin: Double, xMax: Double, yMax: Double

    /// The left and top edges in millimetres.
    public var xMM: Double { xMin / 72 * 25.4 }
    public var yMM: Double { yMin / 72 * 25.4 }

    /// Every word of the PDF at `path`, page by page.
    public static func all(in path: String) throws -> [PDFWord] {
        let xhtml = try Tool.run("pdftotext", ["-bbox", path, "-"]).output
        var words: [PDFWord] = [], page = 0
        for line in xhtml.split(separator: "\n") {
            if line.contains("<page ") { page += 1; continue }
            guard line.contains("<word "), let open = line.range(of: ">", options: [], range: line.range(of: "<word ")!.upperBound..<line.endIndex),
                  let close = line.range(of: "</word>") else { continue }
            func value(_ name: String) -> Double {
                guard let start = line.range(of: name + "=\"") else { return .nan }
                let rest = line[start.upperBound...]
                return Double(rest[..<rest.firstIndex(of: "\"")!]) ?? .nan
            }
            let text = String(line[open.upperBound..<close.lowerBound])
                .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            words.append(PDFWord(page: page, text: text, xMin: value("xMin"), yMin: value("yMin"), xMax: value("xMax"), yMax: value("yMax")))
        }
        return words
    }
}
