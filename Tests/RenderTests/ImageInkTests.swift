import Foundation
import Render
import Testing

/// `ink:` on an image element: read as a colour, refused (with its line) when it is not one.
@Suite struct ImageInkTests {
    @Test func inkIsAColour() throws {
        let yaml = """
        name: 印章
        page: {size: A6}
        elements:
          - {type: image, source: "seal.png", box: [10, 10, 30, 30], ink: "#C71010"}
        """
        let template = try TemplateLoader(isKnownField: { _ in true }).load(yaml: yaml, file: "seal.yaml")
        guard case .image(_, _, _, let ink) = template.elements[0] else { Issue.record("not an image"); return }
        #expect(ink == Colour(0xC71010))
        let bad = yaml.replacingOccurrences(of: "\"#C71010\"", with: "red")
        #expect(throws: TemplateError.self) { try TemplateLoader(isKnownField: { _ in true }).load(yaml: bad, file: "seal.yaml") }
    }
}
