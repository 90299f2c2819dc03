import Foundation
import Testing
import TestTools
import Synthetic
@testable import Render

let known: @Sendable (String) -> Bool = { ["name", "id", "photo", "birthdate", "seat", "certificate.number", "issuer.name"].contains($0) }

func load(_ yaml: String) throws -> Template {
    try TemplateLoader(isKnownField: known).load(yaml: yaml, file: "t.yaml")
}

func loadError(_ yaml: String) -> TemplateError? {
    do { _ = try load(yaml); return nil } catch let e as TemplateError { return e } catch { return nil }
}

@Suite struct BoundTextTests {
    @Test func fieldsAndFormatters() throws {
        let values = ["name": "zhang san", "id": "110101199003071233", "birthdate": "1990-03-07", "seat": "7"]
        #expect(try BoundText("姓名：{{name | upper}}").resolve(values) == "姓名：ZHANG SAN")
        #expect(try BoundText("{{id|mask}}").resolve(values) == "110101********1233")
        #expect(try BoundText("{{birthdate | date}}").resolve(values) == "1990年03月07日")
        #expect(try BoundText("第{{seat | pad:2}}座").resolve(values) == "第07座")
        #expect(try BoundText("{{missing}}！").resolve(values) == "！")
        #expect(try BoundText("a {{name}} b {{seat}}").fields == ["name", "seat"])
    }

    @Test func mistakes() {
        #expect(throws: BindingError.self) { try BoundText("{{name") }
        #expect(throws: BindingError.self) { try BoundText("{{ }}") }
        #expect(throws: BindingError.self) { try BoundText("{{name | shout}}") }
        #expect(throws: BindingError.self) { try BoundText("{{seat | pad}}") }
    }
}

@Suite struct TemplateLoaderTests {
    @Test func aRepeatedKeyIsRefusedNamingBothLines() throws {
        let e = try #require(loadError("""
        page: {size: A4}
        elements:
          - {type: text, text: "{{name}}", box: [10, 10, 50, 10], size: 12, size: 14}
        """))
        #expect(e.line == 3 && e.key == "elements[0].size", "\(e)")
        #expect(e.text.en.contains("already given on line 3"))
        let top = try #require(loadError("""
        page: {size: A4}
        elements: []
        page: {size: A5}
        """))
        #expect(top.line == 3 && top.text.en.contains("already given on line 1"), "\(top)")
    }

    /// Template mistakes are worded in Chinese and English; the place is the same in both.
    @Test func mistakesInBothLanguages() throws {
        let e = try #require(loadError("page: {size: A4}\nelements:\n  - {type: circle, box: [1, 1, 2, 2]}\n"))
        #expect(e.code == "template.invalid")
        #expect(e.message(.zh) == "t.yaml:3: elements[0].type: 未知的元素“circle”（可用：text、image、qr、rect、line）")
        #expect(e.message(.en) == e.description && e.description.hasPrefix("t.yaml:3: elements[0].type: unknown element"))
        #expect(e.facts.line == 3 && e.facts.key == "elements[0].type" && e.facts.file == "t.yaml")
    }

    @Test func everyElementsMistakeIsReported() throws {
        let e = try #require(loadError("""
        page: {size: A4}
        elements:
          - {type: text, text: "{{nmae}}", box: [10, 10, 50, 10]}
          - {type: text, text: "{{name}}", box: [10, 10, 500, 10]}
          - {type: circle, at: [1, 1]}
        """))
        #expect(([e] + e.more).map(\.line) == [3, 4, 5], "\(e)")
        #expect(e.description.split(separator: "\n").count == 3)
    }

    @Test func aDeviceOrFolderIsNotReadAsATemplate() throws {
        for path in ["/dev/zero", "/tmp", "/nonexistent/t.yaml"] {
            do {
                _ = try TemplateLoader(isKnownField: known).load(path: path)
                Issue.record("\(path) loaded")
            } catch let error as TemplateError {
                #expect(error.file == path)
                #expect(error.text.en == (path.hasPrefix("/nonexistent") ? "no such file" : "not a template file (a folder or a device)"))
            }
        }
    }

    @Test func pageSizesAndElements() throws {
        let t = try load("""
        name: 合格证
        page: {size: A4, orientation: landscape}
        elements:
          - {type: text, text: "{{name}}", box: [20, 20, 100, 10], size: 20, bold: true, align: center}
          - {type: image, source: "{{photo}}", box: [240, 30, 26, 32], border: 0.3}
          - {type: qr, text: "{{certificate.number}}", at: [20, 150], size: 30, level: Q}
          - {type: rect, box: [5, 5, 287, 200], line: 1}
          - {type: line, from: [20, 40], to: [120, 40]}
        """)
        #expect(t.pageWidth == 297 && t.pageHeight == 210)
        #expect(t.elements.count == 5)
        #expect(t.fields == ["name", "photo", "certificate.number"])
    }

    @Test func errorsNameTheLineAndKey() throws {
        let unknownField = try #require(loadError("""
        page: {size: A4}
        elements:
          - type: text
            text: "{{nmae}}"
            box: [10, 10, 50, 10]
        """))
        #expect(unknownField.line == 4 && unknownField.key == "elements[0].text" && unknownField.text.en.contains("nmae"))
        #expect(unknownField.description.hasPrefix("t.yaml:4: elements[0].text"))

        let unknownElement = try #require(loadError("page: {size: A4}\nelements:\n  - {type: circle, box: [1, 1, 2, 2]}\n"))
        #expect(unknownElement.line == 3 && unknownElement.text.en.contains("circle"))

        let unknownKey = try #require(loadError("page: {size: A4}\nelements:\n  - {type: text, text: x, box: [1, 1, 2, 2], colour: red}\n"))
        #expect(unknownKey.key == "elements[0].colour")

        let offPage = try #require(loadError("page: {size: A5}\nelements:\n  - {type: text, text: x, box: [100, 10, 60, 10]}\n"))
        #expect(offPage.text.en.contains("does not fit"))

        let badSize = try #require(loadError("page: {size: B9}\nelements: []\n"))
        #expect(badSize.key == "page.size")

        let notANumber = try #require(loadError("page: {size: A4}\nelements:\n  - {type: text, text: x, box: [1, 1, two, 2]}\n"))
        #expect(notANumber.key == "elements[0].box")

        #expect(loadError("page: [").map { $0.text.en.contains("YAML") } == true)
    }

    @Test func rendersOnePagePerRecord() throws {
        let dir = try Tool.scratch()
        let yaml = """
        name: 测试模板
        page: {size: A5, orientation: landscape}
        elements:
          - {type: text, text: "合 格 证", box: [10, 8, 190, 14], size: 24, bold: true, align: center}
          - {type: text, text: "{{name}}同志：", box: [15, 30, 120, 10], size: 14}
          - {type: text, text: "证件号码：{{id | mask}}", box: [15, 45, 120, 8], size: 11}
          - {type: image, source: "{{photo}}", box: [160, 30, 26, 32], border: 0.2}
          - {type: qr, text: "{{certificate.number}}", at: [15, 100], size: 30}
          - {type: rect, box: [4, 4, 202, 140], line: 0.8}
        """
        let template = try TemplateLoader(isKnownField: known).load(yaml: yaml, file: "t.yaml")
        let renderer = try TemplateRenderer(template: template, baseDirectory: dir)
        let painter = PhotoPainter()
        let records = (0..<3).map { k in
            RenderRecord(values: ["name": ["张伟", "李娜", "阿卜杜·热合曼"][k], "id": "11010119900307123\(k)", "certificate.number": "HG2026\(k)"],
                         images: ["photo": JPEGImage(painter.jpeg(background: .blue, variant: k), id: "p\(k)")!])
        }
        let path = dir + "/out.pdf"
        try renderer.render(records, to: path, created: "2026-06-01T08:00:00+08:00")
        #expect(try Tool.run("pdfinfo", [path]).output.contains("Pages:           3"))
        let text = try Tool.run("pdftotext", [path, "-"]).output
        #expect(text.contains("李娜同志") && text.contains("阿卜杜·热合曼同志") && text.contains("110101********1232"))
        // 3 photos (QR codes are stencil masks, not images)
        #expect(try Tool.run("pdfimages", ["-list", path]).output.split(separator: "\n").dropFirst(2).filter { !$0.contains(" stencil ") }.count == 3)
        // The same input gives the same bytes.
        let again = dir + "/again.pdf"
        try renderer.render(records, to: again, created: "2026-06-01T08:00:00+08:00")
        #expect(FileManager.default.contentsEqual(atPath: path, andPath: again))
    }
}

@Suite struct BackgroundAndMarginTests {
    @Test func elementsInTheMarginsAreRefused() throws {
        let error: TemplateError? = {
            do {
                _ = try load("page: {size: A4, margins: 10}\nelements:\n  - {type: text, text: x, box: [5, 20, 50, 10]}\n")
                return nil
            } catch let e as TemplateError { return e } catch { return nil }
        }()
        #expect(error?.key == "elements[0]" && error?.line == 3 && error?.text.en.contains("margins") == true)
        #expect(throws: Never.self) { try load("page: {size: A4, margins: [10, 10, 10, 10]}\nelements:\n  - {type: text, text: x, box: [10, 20, 50, 10]}\n") }
    }

    @Test func pdfArtworkIsDrawnAsVectors() throws {
        let dir = try Tool.scratch()
        // The user's artwork: a PDF page with a frame and a line of text.
        let artwork = try Canvas(path: dir + "/artwork.pdf", width: 148, height: 105)
        artwork.stroke(Box(x: 5, y: 5, width: 138, height: 95), width: 1.5, colour: Colour(0x1F4E79))
        var style = TextStyle()
        style.size = 9
        artwork.draw(text: "示例背景花纹文字", in: Box(x: 10, y: 90, width: 100, height: 6), style: style)
        try artwork.finish()
        let yaml = """
        page: {size: A6, orientation: landscape}
        background: artwork.pdf
        elements:
          - {type: text, text: "{{name}}", box: [20, 40, 100, 12], size: 16}
        """
        let template = try load(yaml)
        try TemplateRenderer(template: template, baseDirectory: dir).render(
            [RenderRecord(values: ["name": "张伟"]), RenderRecord(values: ["name": "李娜"])], to: dir + "/out.pdf")
        let text = try Tool.run("pdftotext", [dir + "/out.pdf", "-"]).output
        #expect(text.components(separatedBy: "示例背景花纹文字").count - 1 == 2)   // vector text of the artwork, on both pages
        #expect(text.contains("张伟") && text.contains("李娜"))
        #expect(try Tool.run("pdfimages", ["-list", dir + "/out.pdf"]).output.split(separator: "\n").count == 2)   // no raster
        #expect(try Tool.run("qpdf", ["--check", dir + "/out.pdf"]).status == 0)
        #expect(throws: TemplateError.self) {
            try TemplateRenderer(template: try load(yaml.replacingOccurrences(of: "artwork.pdf", with: "missing.pdf")), baseDirectory: dir)
        }
    }
}
