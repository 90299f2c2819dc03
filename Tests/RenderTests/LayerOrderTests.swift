import Testing
@testable import Render

/// Grouping elements into few layers never changes which of two overlapping elements is on top.
@Suite struct LayerOrderTests {
    func text(_ t: String, _ x: Double, _ y: Double) -> Template.Element {
        var style = TextStyle()
        style.family = t          // the test's label for the element
        return .text(try! BoundText(t), Box(x: x, y: y, width: 20, height: 6), style)
    }

    func kind(_ e: Template.Element) -> TemplateRenderer.RunKind {
        TemplateRenderer.isStatic(e) ? .fixed : .perRecord
    }

    func names(_ elements: [Template.Element]) -> [String] {
        elements.map { if case .text(_, _, let style) = $0 { return style.family }; if case .rect = $0 { return "frame" }; return "?" }
    }

    @Test func labelsAndValuesSideBySideGroupInsideAFrame() throws {
        let elements: [Template.Element] = [
            .rect(Box(x: 0, y: 0, width: 100, height: 60), line: 0.4, fill: nil),
            text("姓名", 5, 5), text("{{name}}", 30, 5),
            text("证件号码", 5, 15), text("{{id}}", 30, 15),
        ]
        let grouped = LayerOrder.grouped(elements, kind: kind)
        #expect(names(grouped) == ["frame", "姓名", "证件号码", "{{name}}", "{{id}}"])
    }

    @Test func overlappingElementsKeepTheirOrder() throws {
        let elements: [Template.Element] = [
            text("底纹", 5, 5), text("{{name}}", 10, 6), text("盖章", 12, 7),
        ]
        #expect(names(LayerOrder.grouped(elements, kind: kind)) == ["底纹", "{{name}}", "盖章"])
        // A label moves next to a filled background it lies on, but stays above it; a value on the
        // background is not moved under it.
        let filled: [Template.Element] = [
            .rect(Box(x: 0, y: 0, width: 100, height: 60), line: 0, fill: Colour(0xEEEEEE)),
            text("{{name}}", 30, 5), text("姓名", 5, 5), text("{{id}}", 30, 15),
        ]
        #expect(names(LayerOrder.grouped(filled, kind: kind)) == ["frame", "姓名", "{{name}}", "{{id}}"])
    }
}
