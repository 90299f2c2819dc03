import Foundation
import Testing
import Support
import Synthetic
import TestTools
@testable import Documents

/// `render --split`, `template copy` and templates used from another folder, and `preview` of a user's
/// template, run as a user would.
@Suite(.serialized) struct SplitAndCopyCommandTests {
    let fixture: FieldFixture
    init() throws { fixture = try FieldFixture() }

    /// The settings the built-in 合格证 needs besides the roster's.
    static let certificate = ["--set", "course.name=企业培训师三级提升培训班", "--set", "course.dates=2026年7月6日至17日",
                              "--set", "issuer.name=上海市培训协会", "--set", "certificate.date=2026-07-20"]

    func files(_ folder: String) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }

    @Test func splitWritesOneSafelyNamedPDFPerRecord() throws {
        let folder = fixture.dir + "/证书"
        let run = try Kaowu.run(["render", "qualification-certificate", "--data", fixture.full, "--photos", fixture.photos, "--split", "{证书编号}.pdf",
                                 "--out", folder] + Self.certificate)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("6 个文件"))
        #expect(try files(folder) == (0..<FieldFixture.count).map { FieldFixture.certificate($0) + ".pdf" })
        for k in 0..<FieldFixture.count {
            let path = folder + "/" + FieldFixture.certificate(k) + ".pdf"
            let info = try Tool.run("pdfinfo", [path]).output
            #expect(info.split(separator: "\n").contains { $0.hasPrefix("Pages:") && $0.hasSuffix(" 1") }, "\(info)")
            let text = try Tool.run("pdftotext", [path, "-"]).output
            #expect(text.contains(fixture.candidates[k].name) && text.contains("证书编号：\(FieldFixture.certificate(k))"), "\(text)")
        }
        // The next run replaces kaowu's own files; a file of the user's with one of the names stops it untouched.
        #expect(try Kaowu.run(["render", "qualification-certificate", "--data", fixture.full, "--photos", fixture.photos, "--split", "{证书编号}",
                               "--out", folder] + Self.certificate).status == 0, "without .pdf it is added")
        try "我的文件".write(toFile: folder + "/ZS20260003.pdf", atomically: true, encoding: .utf8)
        let refused = try Kaowu.run(["render", "qualification-certificate", "--data", fixture.full, "--photos", fixture.photos, "--split", "{证书编号}.pdf",
                                     "--out", folder] + Self.certificate)
        #expect(refused.status == 2 && refused.stderr.contains("ZS20260003.pdf") && refused.stderr.contains("不是 kaowu 生成的文件"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: folder + "/ZS20260003.pdf", encoding: .utf8) == "我的文件")
        #expect(try files(folder).count == FieldFixture.count, "nothing unfinished left")
    }

    /// `--split` draws on several threads with the fonts cut to the records' characters: each file is the
    /// same page as in one document (pixel for pixel at 100 dpi), with its fonts embedded and subset, and the
    /// cut fonts' temporary folder is gone afterwards.
    @Test func splitFilesOnAllCoresAreThePagesOfOneDocument() throws {
        let folder = fixture.dir + "/分开", whole = fixture.dir + "/合在一起.pdf"
        let fontFolders = { Set(((try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? []).filter { $0.hasPrefix("kaowu-fonts-") }) }
        let before = fontFolders()
        let split = try Kaowu.run(["render", "qualification-certificate", "--data", fixture.full, "--photos", fixture.photos, "--split", "{证书编号}.pdf",
                                   "--out", folder, "--threads", "3"] + Self.certificate)
        #expect(split.status == 0, "\(split.stderr)")
        let one = try Kaowu.run(["render", "qualification-certificate", "--data", fixture.full, "--photos", fixture.photos, "--out", whole] + Self.certificate)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(fontFolders().subtracting(before).isEmpty, "the cut fonts are removed")
        try Tool.run("pdftoppm", ["-r", "100", whole, fixture.dir + "/whole"])
        for k in 0..<FieldFixture.count {
            let path = folder + "/" + FieldFixture.certificate(k) + ".pdf"
            let fonts = try Tool.run("pdffonts", [path]).output.split(separator: "\n").dropFirst(2)
            #expect(!fonts.isEmpty && fonts.allSatisfy { $0.contains(" yes yes ") }, "embedded and subset: \(fonts)")
            try Tool.run("pdftoppm", ["-r", "100", path, fixture.dir + "/part-\(k)"])
            let page = try PPM(path: fixture.dir + "/part-\(k)-1.ppm"), same = try PPM(path: fixture.dir + "/whole-\(k + 1).ppm")
            let identical = page.width == same.width && page.pixels == same.pixels
            #expect(identical, "file \(k + 1) differs from page \(k + 1) of the whole")
        }
    }

    /// Ctrl-C while `--split` cuts its fonts or draws: the cut fonts' folder and every unfinished file go.
    @Test func ctrlCDuringSplitLeavesNothingBehind() throws {
        let temporary = fixture.dir + "/tmp", folder = fixture.dir + "/中断"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let run = try Kaowu.start(["render", "qualification-certificate", "--data", fixture.full, "--photos", fixture.photos, "--split", "{证书编号}.pdf",
                                   "--out", folder, "--threads", "1"] + Self.certificate, environment: ["TMPDIR": temporary + "/"])
        let deadline = Date().addingTimeInterval(120)
        while ((try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []).isEmpty && run.isRunning && Date() < deadline { usleep(2_000) }
        let caught = run.isRunning
        kill(run.processIdentifier, SIGINT)
        run.waitUntilExit()
        // Stopped mid-way (the fonts folder was there), or finished just before the signal: either way nothing is left over.
        #expect(!caught || (run.terminationReason == .exit && run.terminationStatus == 128 + SIGINT), "\(run.terminationStatus)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary) == [], "the cut fonts are removed")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        #expect(left.allSatisfy { $0.hasSuffix(".pdf") && !$0.contains("kaowu") } && (left.isEmpty || left.count == FieldFixture.count), "\(left)")
    }

    @Test func splitNamesAreFileSystemSafeAndUnique() throws {
        let roster = fixture.dir + "/names.csv"
        var csv = "姓名,身份证号,证书编号\n"
        let numbers = ["A/B:1", "..隐藏", "CON", "a*b?\"c<d>e|f", String(repeating: "长", count: 120), "普通"]
        for (c, number) in zip(fixture.candidates, numbers) { csv += "\(c.name),\(c.id),\"\(number.replacingOccurrences(of: "\"", with: "\"\""))\"\n" }
        try csv.write(toFile: roster, atomically: true, encoding: .utf8)
        let template = try fixture.template("号.yaml", "page: {size: A6}\nelements:\n  - {type: text, text: \"{{证书编号}} {{name}}\", box: [5, 5, 90, 10]}\n")
        let folder = fixture.dir + "/safe"
        let run = try Kaowu.run(["render", "--template", template, "--data", roster, "--split", "{证书编号}.pdf", "--out", folder])
        #expect(run.status == 0, "\(run.stderr)")
        let names = try files(folder)
        #expect(names.contains("A_B_1.pdf") && names.contains("隐藏.pdf") && names.contains("CON_.pdf") && names.contains("a_b__c_d_e_f.pdf") && names.contains("普通.pdf"), "\(names)")
        #expect(names.allSatisfy { $0.utf8.count <= 200 && !$0.hasPrefix(".") }, "\(names)")
        #expect(names.count == FieldFixture.count)
        // Two rows giving one name (ignoring case, as many file systems do): refused naming both rows, nothing written.
        let clash = fixture.dir + "/clash.csv"
        try "姓名,身份证号,证书编号\n\(fixture.candidates[0].name),\(fixture.candidates[0].id),zs1\n\(fixture.candidates[1].name),\(fixture.candidates[1].id),X\n\(fixture.candidates[2].name),\(fixture.candidates[2].id),ZS1\n"
            .write(toFile: clash, atomically: true, encoding: .utf8)
        let twice = try Kaowu.run(["render", "--template", template, "--data", clash, "--split", "{证书编号}.pdf", "--out", fixture.dir + "/clash"])
        #expect(twice.status == 2 && twice.stderr.contains("第 2 行与第 4 行的文件名相同：zs1.pdf / ZS1.pdf"), "\(twice.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.dir + "/clash"))
        let unique = try Kaowu.run(["render", "--template", template, "--data", clash, "--split", "{row.index}-{证书编号}.pdf", "--out", fixture.dir + "/clash"])
        #expect(unique.status == 0, "\(unique.stderr)")
        #expect(try files(fixture.dir + "/clash") == ["1-zs1.pdf", "2-X.pdf", "3-ZS1.pdf"])
    }

    @Test func splitPatternsAreCheckedBeforeAnythingIsRead() throws {
        let template = try fixture.template("号.yaml", "page: {size: A6}\nelements:\n  - {type: text, text: \"{{name}}\", box: [5, 5, 90, 10]}\n")
        for (pattern, words) in [("{证书编号", "没有对应的"), ("a/{name}.pdf", "不能有 /"), ("证书.pdf", "至少需要一个 {字段}")] {
            let run = try Kaowu.run(["render", "--template", template, "--data", fixture.full, "--split", pattern, "--out", fixture.dir + "/x"])
            #expect(run.status == 2 && run.stderr.contains(words), "\(pattern): \(run.stderr)")
        }
        let unknown = try Kaowu.run(["render", "--template", template, "--data", fixture.full, "--split", "{证书编码}.pdf", "--out", fixture.dir + "/x", "--lang", "en"])
        #expect(unknown.status == 2 && unknown.stderr.contains("did you mean {证书编号}?"), "\(unknown.stderr)")
        let file = fixture.dir + "/file.pdf"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try Kaowu.run(["render", "--template", template, "--data", fixture.full, "--split", "{name}.pdf", "--out", file]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: fixture.dir + "/x"))
    }

    @Test func aCopiedTemplateFindsItsSealFromAnyFolder() throws {
        let folder = fixture.dir + "/模板"
        let copy = try Kaowu.run(["template", "copy", "qualification-certificate", "--out", folder])
        #expect(copy.status == 0, "\(copy.stderr)")
        #expect(try files(folder) == ["qualification-certificate.yaml", "seal.png"])
        try FileManager.default.moveItem(atPath: folder + "/qualification-certificate.yaml", toPath: folder + "/合格证.yaml")
        let other = fixture.dir + "/别处"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        // A bare file name in the template's own folder, and a relative path from another folder.
        for (cwd, template) in [(folder, "合格证.yaml"), (other, "../模板/合格证.yaml")] {
            let out = other + "/合格证.pdf"
            let run = try Kaowu.run(["render", "--template", template, "--data", fixture.full, "--photos", fixture.photos, "--out", out] + Self.certificate,
                                    in: cwd)
            #expect(run.status == 0, "\(cwd): \(run.stderr)")
            let images = try Tool.run("pdfimages", ["-list", out]).output
            #expect(images.contains(" smask "), "the seal (a PNG with transparency) is drawn: \(images)")
        }
        // A missing seal is named by its path in the template's folder.
        try FileManager.default.removeItem(atPath: folder + "/seal.png")
        let missing = try Kaowu.run(["render", "--template", "合格证.yaml", "--data", fixture.full, "--photos", fixture.photos, "--out", other + "/x.pdf"]
                                    + Self.certificate, in: folder)
        #expect(missing.status == 2 && missing.stderr.contains(FilePath.resolved(folder) + "/seal.png"), "\(missing.stderr)")
    }

    @Test func templateCopyNeverOverwritesWhatTheUserChanged() throws {
        let folder = fixture.dir + "/copy"
        #expect(try Kaowu.run(["template", "copy", "e-certificate", "--out", folder]).status == 0)
        #expect(try Kaowu.run(["template", "copy", "e-certificate", "--out", folder]).status == 0, "an unchanged copy may be copied again")
        let seal = try Data(contentsOf: URL(fileURLWithPath: fixture.photos))
        try seal.write(to: URL(fileURLWithPath: folder + "/seal.png"))
        let run = try Kaowu.run(["template", "copy", "e-certificate", "--out", folder, "--lang", "en"])
        #expect(run.status == 2 && run.stderr.contains(folder + "/seal.png") && run.stderr.contains("differs from kaowu's"), "\(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/seal.png")) == seal)
        #expect(try Kaowu.run(["template", "copy", "door-label", "--out", folder]).status == 0, "another kind beside it")
        #expect(try Kaowu.run(["template", "copy", "desk-label-3x7", "--out", folder]).status == 0, "a label-stock variant")
        #expect(try files(folder) == ["desk-label-3x7.yaml", "door-label.yaml", "e-certificate.yaml", "seal.png"])
        #expect(try Kaowu.run(["template", "copy", "diploma", "--out", folder]).status == 2)
        #expect(try Kaowu.run(["template", "copy", "door-label", "--out", folder + "/door-label.yaml"]).status == 2, "a file is no folder")
    }

    @Test func previewShowsFieldsTheSampleDataLacksByName() throws {
        let template = try fixture.template("我的.yaml", """
        page: {size: A6}
        elements:
          - {type: text, text: "培训项目：{{培训项目}}", box: [5, 5, 90, 10]}
          - {type: text, text: "{{name}}", box: [5, 20, 90, 10]}
        """)
        let out = fixture.dir + "/预览.pdf"
        let run = try Kaowu.run(["preview", template, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("以 [字段名] 代替：培训项目"), "\(run.stderr)")
        let text = try Tool.run("pdftotext", [out, "-"]).output
        #expect(text.contains("培训项目：[培训项目]") && text.contains("阿卜杜热合曼·买买提"), "\(text)")
        let typo = try Kaowu.run(["preview", "door-label", "--set", "exam.titel=X", "--out", fixture.dir + "/d.png"])
        #expect(typo.status == 2 && typo.stderr.contains("exam.title"))
    }
}
