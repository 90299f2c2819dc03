import Foundation
import Testing
import Render
@testable import Documents

/// Paper settings that do not fit a template are refused, naming the setting; none is silently ignored.
@Suite struct PaperSetupTests {
    func template(_ kind: String) throws -> Template {
        try TemplateLoader(isKnownField: DocumentFields.isWellFormed).load(path: try #require(BuiltInTemplates.path(for: kind)))
    }

    func refusal(_ kind: String, _ setup: PaperSetup) throws -> PaperError? {
        let t = try template(kind)
        do { _ = try setup.imposition(for: t, onePerDocument: PaperRenderer.isPerRoom(t)); return nil } catch let e as PaperError { return e }
    }

    @Test func settingsThatDoNotFitAreRefused() throws {
        let cases: [(String, PaperSetup, PaperError.Setting, String)] = [
            ("sign-in-sheet", PaperSetup(start: 2), .start, "a list"),
            ("door-label", PaperSetup(labels: LabelPreset.named("2x4")), .labels, "one page per document"),
            ("desk-label", PaperSetup(ticket: .a5), .ticket, "several to a sheet"),
            ("desk-label", PaperSetup(duplex: true), .duplex, "has no back"),
            ("desk-label", PaperSetup(start: 9), .start, "within 1…8"),
            ("desk-label", PaperSetup(start: 0), .start, "within 1…8"),
            ("desk-label", PaperSetup(labels: LabelPreset.named("3x7")), .labels, "63.5×38.1 mm; \"桌贴\" cards are 99.1×67.7 mm"),
            ("attendance-card", PaperSetup(labels: LabelPreset.named("2x4")), .labels, "cards are 85.6×54 mm"),
            ("admission-ticket", PaperSetup(ticket: .a4, duplex: true), .duplex, "use a5 or a5-2up"),
            ("admission-ticket", PaperSetup(start: 1), .start, "one to a sheet"),
            ("admission-ticket", PaperSetup(ticket: .a5TwoUp, start: 3), .start, "within 1…2"),
            ("qualification-certificate", PaperSetup(ticket: .a5), .ticket, "not A5"),
            ("qualification-certificate", PaperSetup(ticket: .a5TwoUp), .ticket, "at most 210×148.5 mm"),
            ("qualification-certificate", PaperSetup(duplex: true), .duplex, "has no back"),
            ("door-label", PaperSetup(offset: PrintOffset(x: 0, y: 20.5)), .offset, "±20 mm"),
        ]
        for (kind, setup, setting, words) in cases {
            let error = try refusal(kind, setup)
            #expect(error?.setting == setting && error?.message(.en).contains(words) == true && error?.code == "paper.invalid",
                    "\(kind) \(setup): \(String(describing: error?.message(.en)))")
            #expect(error.map { !$0.message(.zh).isEmpty && $0.message(.zh) != $0.message(.en) } == true)
        }
    }

    @Test func settingsThatFitAreTaken() throws {
        #expect(try refusal("qualification-certificate", PaperSetup(ticket: .a4, offset: PrintOffset(x: 1, y: 1))) == nil)   // A4 landscape is A4
        #expect(try refusal("desk-label", PaperSetup(labels: LabelPreset.named("L7165"), start: 8)) == nil)
        #expect(try refusal("sign-in-sheet", PaperSetup(offset: PrintOffset(x: -20, y: 20))) == nil)
        let ticket = try template("admission-ticket")
        #expect(try PaperSetup().imposition(for: ticket).arrangement == PaperSetup(ticket: .a4).imposition(for: ticket).arrangement)
        guard case .sheets(let layout) = try PaperSetup(ticket: .a5TwoUp, start: 2).imposition(for: ticket).arrangement else {
            Issue.record("a5-2up is two to a sheet")
            return
        }
        #expect(layout.start == 2 && layout.box(ofCell: 1).y == 148.75 && layout.box(ofCell: 0).y == 0.25)
    }
}
