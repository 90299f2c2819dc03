import Foundation
import Testing
import Render
import Synthetic
import Validation
@testable import Documents

/// Rendering the fixture's candidates on chosen paper.
extension RenderFixture {
    /// The valid candidates as records (all twelve).
    func records() -> [RenderRecord] {
        var options = ValidationOptions()
        options.today = .init(year: 2026, month: 6, day: 1)!
        return validatedRecords(roster: roster, photos: photos, options: options).records
    }

    /// Renders the first `count` candidates with built-in template `name` on `paper`; returns the PDF's path.
    func render(_ name: String, paper: PaperSetup, count: Int = RenderFixture.count, file: String) throws -> String {
        let document = try PaperRenderer(templatePath: try #require(BuiltInTemplates.path(for: name)), paper: paper)
        let path = dir + "/" + file
        try document.renderPDF(Array(records().prefix(count)), context: SampleRecords.context, to: path, created: "2026-06-01T08:00:00+08:00")
        return path
    }

    /// The 准考证号 of candidate `k` (0-based).
    static func ticketNumber(_ k: Int) -> String { "2026A0101" + String(format: "%03d", k + 1) }
}
