import Foundation
import Testing
import TestTools
@testable import Render

/// Fonts cut down to a job's characters: same text and fonts, fallback for anything else, fast small files.
@Suite struct FontSubsetTests {
    static let yaml = """
    name: 字体测试
    page: {width: 120, height: 60}
    elements:
      - {type: text, text: "准 考 证", box: [5, 3, 110, 10], size: 16, bold: true, align: center}
      - {type: text, text: "{{name}}", box: [5, 16, 110, 8], size: 12, font: "Noto Sans CJK SC"}
      - {type: text, text: "{{school}}", box: [5, 26, 110, 8], size: 10}
      - {type: text, text: "{{rare}}", box: [5, 36, 110, 8], size: 10}
    """

    func render(_ fonts: FontSubset?, to path: String, rare: String = "café") throws {
        let template = try TemplateLoader(isKnownField: { _ in true }).load(yaml: Self.yaml, file: "fonts.yaml")
        let renderer = try TemplateRenderer(template: template, baseDirectory: "/tmp")
        let record = RenderRecord(values: ["name": "欧阳娜娜", "school": "上海信息技术职业学院", "rare": rare])
        guard let fonts else { return try renderer.render([record], to: path, created: "2026-06-20T00:00:00+08:00") }
        // The renderer is made inside `use`: its fixed layers are laid out with the cut faces too.
        try fonts.use {
            try TemplateRenderer(template: template, baseDirectory: "/tmp").render([record], to: path, created: "2026-06-20T00:00:00+08:00")
        }
    }

    func fontNames(_ path: String) throws -> [String] {
        try Tool.run("pdffonts", [path]).output.split(separator: "\n").dropFirst(2).map { line in
            let name = String(line.split(separator: " ")[0])
            return String(name.drop { $0 != "+" }.dropFirst())
        }.sorted()
    }

    @Test func sameTextAndFacesWithTheCutFontsAndFallbackForTheRest() throws {
        let dir = try Tool.scratch()
        let template = try TemplateLoader(isKnownField: { _ in true }).load(yaml: Self.yaml, file: "fonts.yaml")
        // The set lacks 䶮 on purpose: it must still print, from the system's other fonts.
        let fonts = try FontSubset(styles: template.textStyles, characters: Set("准考证欧阳娜上海信息技术职业学院".unicodeScalars), directory: dir + "/fonts")
        #expect(fonts.replaced.count >= 2)
        #expect(fonts.replaced.allSatisfy { $0.file.contains("CJK") })
        try render(nil, to: dir + "/full.pdf")
        try render(fonts, to: dir + "/cut.pdf")
        let full = try Tool.run("pdftotext", [dir + "/full.pdf", "-"]).output
        let cut = try Tool.run("pdftotext", [dir + "/cut.pdf", "-"]).output
        #expect(cut == full)
        #expect(cut.contains("欧阳娜娜") && cut.contains("café"))
        #expect(try fontNames(dir + "/cut.pdf") == fontNames(dir + "/full.pdf"))
        try render(fonts, to: dir + "/rare.pdf", rare: "䶮")
        #expect(try Tool.run("pdftotext", [dir + "/rare.pdf", "-"]).output.contains("䶮"), "characters outside the set fall back to other fonts")
        for line in try Tool.run("pdffonts", [dir + "/cut.pdf"]).output.split(separator: "\n").dropFirst(2) {
            #expect(line.contains(" yes yes "), "embedded and subset: \(line)")
        }
        // Smaller, and the same bytes every time.
        let size = { (path: String) in try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int }
        #expect(try size(dir + "/cut.pdf") < size(dir + "/full.pdf"))
        try render(fonts, to: dir + "/cut2.pdf")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/cut.pdf")) == Data(contentsOf: URL(fileURLWithPath: dir + "/cut2.pdf")))
    }

    @Test func theCutFacesAreMadeTheSameEveryTime() throws {
        let dir = try Tool.scratch()
        let template = try TemplateLoader(isKnownField: { _ in true }).load(yaml: Self.yaml, file: "fonts.yaml")
        let a = try FontSubset(styles: template.textStyles, characters: Set("准考证".unicodeScalars), directory: dir + "/a")
        let b = try FontSubset(styles: template.textStyles, characters: Set("证考准".unicodeScalars), directory: dir + "/b")
        #expect(a.replaced.count == b.replaced.count)
        for (x, y) in zip(a.replaced, b.replaced) {
            #expect(x.file == y.file && x.index == y.index)
            #expect(try Data(contentsOf: URL(fileURLWithPath: x.subset)) == Data(contentsOf: URL(fileURLWithPath: y.subset)))
            let bytes = try FileManager.default.attributesOfItem(atPath: x.subset)[.size] as! Int
            #expect(bytes < 1_000_000, "a cut face is small: \(bytes) bytes")
        }
    }
}

/// A folder left by an earlier run, with faces cut to other characters, is never trusted.
@Suite struct FontSubsetReuseTests {
    @Test func aReusedFolderGetsFreshFaces() throws {
        let dir = try Tool.scratch()
        let template = try TemplateLoader(isKnownField: { _ in true }).load(yaml: FontSubsetTests.yaml, file: "fonts.yaml")
        _ = try FontSubset(styles: template.textStyles, characters: Set("准考证".unicodeScalars), directory: dir + "/fonts")
        // Same folder, other characters: 欧阳娜 must come from the cut faces of this run.
        let fonts = try FontSubset(styles: template.textStyles, characters: Set("准考证欧阳娜上海信息技术职业学院".unicodeScalars), directory: dir + "/fonts")
        try FontSubsetTests().render(fonts, to: dir + "/cut.pdf")
        try FontSubsetTests().render(nil, to: dir + "/full.pdf")
        #expect(try Tool.run("pdftotext", [dir + "/cut.pdf", "-"]).output == Tool.run("pdftotext", [dir + "/full.pdf", "-"]).output)
        #expect(try FontSubsetTests().fontNames(dir + "/cut.pdf") == FontSubsetTests().fontNames(dir + "/full.pdf"))
    }
}
