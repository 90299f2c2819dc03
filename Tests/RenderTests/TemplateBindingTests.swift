import Foundation
import Testing
@testable import Render

/// Every binding of a template keeps the line it was written on and whether its element is optional, so
/// the fields can be checked against what a command supplies before anything is drawn.
@Suite struct TemplateBindingTests {
    static let yaml = """
    page: {size: A4}
    elements:
      - {type: text, text: "{{name}}", box: [10, 10, 50, 10]}
      - type: qr
        text: "{{certificate.number}}"
        at: [10, 30]
      - {type: image, source: "{{photo}}", box: [100, 10, 26, 35], optional: true}
      - {type: text, text: "{{seat}} {{id}}", box: [10, 60, 50, 10], optional: true, line-spacing: 1.5, hanging: 4}
    table:
      box: [10, 100, 190, 100]
      columns:
        - {header: 序号, width: 20, text: "{{birthdate}}", optional: true}
        - {header: 照片, width: 30, image: "{{photo}}"}
    summary:
      - {type: text, text: "{{issuer.name}}", box: [10, 250, 50, 10]}
    """

    @Test func bindingsKeepTheirLinesAndOptionality() throws {
        let template = try load(Self.yaml)
        let found = template.bindings.map { ($0.fields, $0.line, $0.isOptional) }
        let expected: [([String], Int?, Bool)] = [(["name"], 3, false), (["certificate.number"], 5, false), (["photo"], 7, true),
                                                  (["seat", "id"], 8, true), (["issuer.name"], 15, false), (["birthdate"], 12, true), (["photo"], 13, false)]
        #expect(found.count == expected.count)
        for (a, b) in zip(found, expected) { #expect(a.0 == b.0 && a.1 == b.1 && a.2 == b.2, "\(a) ≠ \(b)") }
        guard case .text(_, _, let style) = template.elements[3] else { Issue.record("not text"); return }
        #expect(style.lineSpacing == 1.5 && style.hangingIndent == 4)
    }

    @Test func optionalIsOnlyForElementsWithFields() {
        let file = loadError("page: {size: A4}\nelements:\n  - {type: image, source: seal.png, box: [1, 1, 20, 20], optional: true}\n")
        #expect(file?.line == 3 && file?.key == "elements[0].optional", "\(String(describing: file))")
        let fixed = loadError("page: {size: A4}\nelements:\n  - {type: text, text: 考生须知, box: [1, 1, 20, 20], optional: true}\n")
        #expect(fixed?.line == 3 && fixed?.text.en == "optional applies to elements bound to fields", "\(String(describing: fixed))")
        #expect(loadError("page: {size: A4}\nelements:\n  - {type: text, text: \"{{name}}\", box: [1, 1, 20, 20], optional: maybe}\n") != nil)
    }

    @Test func blankFieldsOfAnOptionalBinding() throws {
        let text = try BoundText("{{seat}} {{id}}")
        #expect(text.hasBlank(["seat": "01", "id": " "]))
        #expect(text.hasBlank(["seat": "01"]))
        #expect(!text.hasBlank(["seat": "01", "id": "X"]))
    }
}
