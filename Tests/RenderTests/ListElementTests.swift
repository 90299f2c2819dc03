import Foundation
import Testing
import TestTools
@testable import Render

/// The `list` element: one record's list (a ticket's timetable) as rows inside a box, however many.
@Suite struct ListElementTests {
    let yaml = """
    name: 时间表
    page: {width: 210, height: 148}
    elements:
      - type: list
        items: schedule
        box: [10, 20, 150, 43]
        row-height: 7
        size: 10
        header: true
        columns:
          - {header: 时间, width: 40, text: "{{date}} {{time}}"}
          - {header: 科目, width: 80, text: "{{subject}}"}
          - {header: 座位号, width: 30, text: "{{seat}}", align: center}
    """

    func record(_ n: Int) -> RenderRecord {
        var values = ["schedule.count": String(n)]
        for k in 1...max(1, n) {
            values["schedule.\(k).date"] = "06-2\(k % 10)"
            values["schedule.\(k).time"] = "09:00"
            values["schedule.\(k).subject"] = "科目第\(k)项"
            values["schedule.\(k).seat"] = String(format: "%02d", k)
        }
        return RenderRecord(values: values)
    }

    @Test func everyItemIsARowInOrderAndRowsShrinkToFitTheBox() throws {
        let template = try TemplateLoader(isKnownField: { _ in true }).load(yaml: yaml, file: "list.yaml")
        #expect(template.fields == ["schedule.count"], "the list needs its count; its cells may be blank")
        let dir = try Tool.scratch()
        for n in [2, 9] {
            let path = dir + "/list-\(n).pdf"
            try TemplateRenderer(template: template, baseDirectory: dir).render([record(n)], to: path)
            let words = try PDFWord.all(in: path)
            let rows = (1...n).map { k in words.first { $0.text == "科目第\(k)项" } }
            #expect(rows.allSatisfy { $0 != nil }, "\(n) items: \(words.map(\.text))")
            let tops = rows.compactMap { $0?.yMM }
            #expect(tops == tops.sorted() && tops.first! > 20 + 4, "after the header, in order")
            // All inside the box: the last row ends above 20 + 43 mm.
            #expect(words.filter { $0.text.hasPrefix("科目第") }.allSatisfy { $0.yMax / 72 * 25.4 <= 63.2 })
            if n == 2 { #expect(abs(tops[1] - tops[0] - 7) < 0.2, "rows as tall as asked while they fit") }
            if n == 9 { #expect(abs(tops[1] - tops[0] - 36.0 / 9) < 0.2, "nine rows share the box under the header") }
            #expect(words.contains { $0.text == "座位号" } && words.contains { $0.text == String(format: "%02d", n) })
        }
    }

    @Test func mistakesAreNamedWithTheirKeys() {
        let wide = yaml.replacingOccurrences(of: "width: 80", with: "width: 180")
        #expect(throws: TemplateError.self) { try TemplateLoader(isKnownField: { _ in true }).load(yaml: wide, file: "list.yaml") }
        let noItems = yaml.replacingOccurrences(of: "    items: schedule\n", with: "")
        do {
            _ = try TemplateLoader(isKnownField: { _ in true }).load(yaml: noItems, file: "list.yaml")
            Issue.record("a list without items loaded")
        } catch let error as TemplateError {
            #expect(error.message(.en).contains("items"), "\(error.message(.en))")
        } catch { Issue.record("\(error)") }
    }
}
