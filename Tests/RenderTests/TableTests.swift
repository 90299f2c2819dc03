import Foundation
import Testing
import TestTools
import Synthetic
@testable import Render

@Suite(.serialized) struct TableTests {
    let yaml = """
    name: 签到表
    page: {size: A4, orientation: landscape}
    elements:
      - {type: text, text: "{{exam.title}} 考场签到表", box: [10, 8, 277, 12], size: 18, bold: true, align: center}
      - {type: text, text: "考场：{{room.name}}", box: [10, 22, 100, 7], size: 11}
      - {type: text, text: "第 {{page.number}} 页 / 共 {{page.count}} 页", box: [200, 200, 87, 6], size: 9, align: right}
    table:
      box: [10, 32, 277, 160]
      header-height: 9
      row-height: 30
      font-size: 10
      columns:
        - {header: 序号, width: 14, text: "{{row.index}}"}
        - {header: 照片, width: 26, image: "{{photo}}"}
        - {header: 姓名, width: 40, text: "{{name}}"}
        - {header: 身份证号, width: 60, text: "{{id | mask}}"}
        - {header: 签名, width: 60, text: ""}
    summary:
      - {type: text, text: "应到 {{count.expected}} 人    实到 ______ 人    缺考 ______ 人", box: [10, 194, 180, 6], size: 10}
    """
    let known: @Sendable (String) -> Bool = { field in
        ["name", "id", "photo", "row.index"].contains(field) || ["exam.", "room.", "page.", "count."].contains { field.hasPrefix($0) }
    }

    @Test func rowsFlowOverPagesWithTheHeaderRepeated() throws {
        let template = try TemplateLoader(isKnownField: known).load(yaml: yaml, file: "sign-in.yaml")
        let table = try #require(template.table)
        #expect(table.rowsPerPage == 5)
        #expect(table.pages(for: 0) == 1 && table.pages(for: 5) == 1 && table.pages(for: 12) == 3)
        let painter = PhotoPainter()
        let rows = (1...12).map { k in
            RenderRecord(values: ["row.index": String(k), "name": "考生\(k)号", "id": "1101011990030712\(k % 10)3"],
                         images: ["photo": JPEGImage(painter.jpeg(background: .red, variant: k), id: "p\(k)", decodePixels: false)!])
        }
        let dir = try Tool.scratch()
        let path = dir + "/sign-in.pdf"
        try TemplateRenderer(template: template, baseDirectory: dir).renderTable(
            context: RenderRecord(values: ["exam.title": "2026年上半年考试", "room.name": "第01考场", "count.expected": "12"]),
            rows: rows, to: path)
        #expect(try Tool.run("pdfinfo", [path]).output.contains("Pages:           3"))
        let pages = try Tool.run("pdftotext", ["-layout", path, "-"]).output.components(separatedBy: "\u{0C}")
        for (index, page) in pages.prefix(3).enumerated() {
            #expect(page.contains("身份证号") && page.contains("签名"), "header on page \(index + 1)")
            #expect(page.replacingOccurrences(of: " ", with: "").contains("第\(index + 1)页/共3页"))
            #expect(page.contains("第01考场"))
        }
        #expect(pages[0].contains("考生5号") && !pages[0].contains("考生6号"))
        #expect(pages[2].contains("考生12号") && pages[2].replacingOccurrences(of: " ", with: "").contains("应到12人"))
        #expect(!pages[0].contains("应到"))
        #expect(try Tool.run("pdfimages", ["-list", path]).output.split(separator: "\n").count == 2 + 12)
        #expect(try Tool.run("qpdf", ["--check", path]).status == 0)
    }

    /// An image by file in the summary (a seal beside the totals) is loaded and drawn on the last page only.
    @Test func summaryImagesAreDrawnOnTheLastPage() throws {
        let dir = try Tool.scratch()
        try FileManager.default.copyItem(atPath: Kaowu.root.path + "/Sources/Documents/Resources/templates/seal.png", toPath: dir + "/seal.png")
        let withSeal = yaml + "\n  - {type: image, source: seal.png, box: [240, 165, 25, 25]}\n"
        let template = try TemplateLoader(isKnownField: known).load(yaml: withSeal, file: "sign-in.yaml")
        let rows = (1...7).map { RenderRecord(values: ["row.index": String($0), "name": "考生\($0)号", "id": "110101199003071233"]) }
        let path = dir + "/sign-in.pdf"
        try TemplateRenderer(template: template, baseDirectory: dir).renderTable(
            context: RenderRecord(values: ["exam.title": "考试", "room.name": "第01考场", "count.expected": "7"]), rows: rows, to: path)
        // pdfimages lists the seal (and its alpha mask): page, number, type, …
        let list = try Tool.run("pdfimages", ["-list", path]).output
        let images: [[Substring]] = list.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ") }.filter { $0.count > 2 && $0[2] == "image" }
        let pages: [Substring] = images.map { $0[0] }
        #expect(pages == ["2"], "\(list)")
    }

    @Test func columnsWiderThanTheTableAreRefused() {
        let wide = yaml.replacingOccurrences(of: "{header: 签名, width: 60", with: "{header: 签名, width: 160")
        do {
            _ = try TemplateLoader(isKnownField: known).load(yaml: wide, file: "sign-in.yaml")
            Issue.record("expected an error")
        } catch let error as TemplateError {
            #expect(error.key == "table.columns" && error.line == 13)
        } catch {
            Issue.record("\(error)")
        }
    }
}
