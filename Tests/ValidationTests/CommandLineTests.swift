import Archive
import Foundation
import Testing
import Roster
import Support
import Validation
import TestTools

/// Runs the built `kaowu` binary as a user would.
enum CLI {
    @discardableResult
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try Kaowu.run(arguments)
    }
}

@Suite(.serialized) struct CommandLineTests {
    @Test func validateDemoExitsOneAndPrintsASummary() throws {
        let r = try CLI.run(["validate", "--roster", Fixtures.demoRoster, "--photos", Fixtures.demoPhotos,
                             "--photo-background", "red", "--today", "2026-06-01"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("共 146 行"))
        #expect(r.stdout.contains("id.checksum"))
        #expect(r.stdout.contains("第 115 行 E 列"))
    }

    @Test func jsonOutputIsTheReport() throws {
        let r = try CLI.run(["validate", "--roster", Fixtures.demoRoster, "--json", "--today", "2026-06-01", "--lang", "en"])
        #expect(r.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["rows"] as? Int == 146)
        #expect(object["photos"] as? Int == 0)
    }

    @Test func missingFileAndBadOptionsExitTwo() throws {
        #expect(try CLI.run(["validate", "--roster", "/nonexistent/名单.xlsx"]).status == 2)
        #expect(try CLI.run(["validate", "--roster", Fixtures.demoRoster, "--photo-size", "big"]).status == 2)
        #expect(try CLI.run(["validate", "--roster", Fixtures.demoRoster, "--map", "x=nosuchfield"]).status == 2)
        #expect(try CLI.run(["validate", "--roster", Fixtures.demoRoster, "--photo-background", "green"]).status == 2)
        let unknown = try CLI.run(["validate", "--nonsense"])
        #expect(unknown.status == 2, "usage errors exit 2, not swift-argument-parser's 64")
        for options in [["--max-photo-mb", "99999999999999"], ["--max-photo-mb", "0"], ["--threads", "0"], ["--photo-tolerance", "-1"], ["--lang", "fr"]] {
            let run = try CLI.run(["validate", "--roster", Fixtures.demoRoster] + options)
            #expect(run.status == 2, "\(options)")
            #expect(run.stderr.contains(options[0]), "\(options): \(run.stderr)")
        }
        #expect(try CLI.run(["pack", Fixtures.path("fixtures/demo/exam.yaml"), "--threads", "-3"]).status == 2)
        #expect(try CLI.run(["render", "admission-ticket", "--data", Fixtures.demoRoster, "--out", "/tmp/x.pdf", "--start", "0"]).status == 2)
    }

    @Test func renderAndPreviewNeverOverwriteAnInputOrAFileKaowuDidNotMake() throws {
        let dir = try Fixtures.scratch()
        let roster = dir + "/名单.xlsx"
        try FileManager.default.copyItem(atPath: Fixtures.demoRoster, toPath: roster)
        try "会议纪要".write(toFile: dir + "/mine.pdf", atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: roster)), mine = try Data(contentsOf: URL(fileURLWithPath: dir + "/mine.pdf"))
        let door = ["render", "door-label", "--data", roster, "--set", "exam.title=2026年考试", "--set", "room.name=第01考场", "--set", "site.name=第一考点",
                    "--set", "room.range=2601 – 2630", "--set", "room.count=30"]
        let onRoster = try CLI.run(door + ["--out", roster])
        #expect(onRoster.status == 2 && onRoster.stderr.contains("这是本次的输入文件"), "\(onRoster.stderr)")
        let onMine = try CLI.run(door + ["--out", dir + "/mine.pdf"])
        #expect(onMine.status == 2 && onMine.stderr.contains("不是 kaowu 生成的文件"), "\(onMine.stderr)")
        #expect(try CLI.run(["preview", "door-label", "--out", dir + "/mine.pdf"]).status == 2)
        #expect(try CLI.run(door + ["--out", dir]).status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: roster)) == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/mine.pdf")) == mine)
        // kaowu's own output is replaced by the next run, and nothing unfinished is left.
        #expect(try CLI.run(door + ["--out", dir + "/门贴.pdf"]).status == 1)
        #expect(try CLI.run(door + ["--out", dir + "/门贴.pdf"]).status == 1)
        #expect(try CLI.run(["preview", "door-label", "--out", dir + "/门贴.png"]).status == 0)
        #expect(try CLI.run(["preview", "door-label", "--out", dir + "/门贴.png"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["mine.pdf", "名单.xlsx", "门贴.pdf", "门贴.png"])
    }

    @Test func filesThatAreNotRostersAreNamedForWhatTheyAre() throws {
        let dir = try Fixtures.scratch()
        let folder = try CLI.run(["validate", "--roster", dir])
        #expect(folder.status == 1)
        #expect(folder.stdout.contains("这是一个文件夹，不是名单文件"), "\(folder.stdout)")
        let device = try CLI.run(["validate", "--roster", "/dev/zero", "--lang", "en"])
        #expect(device.stdout.contains("not a regular file"), "\(device.stdout)")
        // A workbook whose sheets were all removed.
        let source = try ZipReader(path: Fixtures.external("openpyxl-basic.xlsx"))
        let writer = try ZipWriter(path: dir + "/无表.xlsx")
        for i in 0..<source.count {
            let entry = String(decoding: try #require(source.info(at: i)).rawName, as: UTF8.self)
            var bytes = try source.read(at: i, limit: 1 << 24)
            if entry == "xl/workbook.xml" {
                let xml = String(decoding: bytes, as: UTF8.self)
                bytes = Array(xml.replacingOccurrences(of: #"<sheet [^>]*/>"#, with: "", options: .regularExpression).utf8)
            }
            try writer.add(entry, ZipPayload(bytes))
        }
        try writer.close()
        let empty = try CLI.run(["validate", "--roster", dir + "/无表.xlsx"])
        #expect(empty.stdout.contains("工作簿里没有工作表"), "\(empty.stdout)")
    }

    @Test func excelReportListsProblemsAndTheRosterRowForRow() throws {
        let dir = try Fixtures.scratch()
        let path = dir + "/校验报告.xlsx"
        let r = try CLI.run(["validate", "--roster", Fixtures.demoRoster, "--photos", Fixtures.demoPhotos,
                             "--today", "2026-06-01", "--report", path])
        #expect(r.status == 1)
        let problems = try XlsxReader(path: path, sheet: "问题")
        var rows: [TableRow] = []
        while let row = try problems.nextRow() { rows.append(row) }
        #expect(rows.first?.cells.map(\.text).prefix(3) == ["严重程度", "代码", "问题"])
        let checksum = try #require(rows.first { $0[1].text == "id.checksum" })
        #expect(checksum[3] == .text("115") && checksum[4].text == "E")
        let roster = try XlsxReader(path: path, sheet: "名单")
        var rosterRows: [Int: TableRow] = [:]
        while let row = try roster.nextRow() { rosterRows[row.number] = row }
        #expect(rosterRows[2]?[4].text == "身份证号")
        #expect(rosterRows[115]?[10].text.contains("校验") == true)       // the row's messages, last column
        #expect(rosterRows[3]?[10].text.isEmpty != false)
    }

    @Test func importTemplateHasTextIDColumnAndDropDowns() throws {
        let dir = try Fixtures.scratch()
        let path = dir + "/考生导入模板.xlsx"
        #expect(try CLI.run(["template", "roster", "--out", path]).status == 0)
        let reader = try XlsxReader(path: path)
        let header = try #require(try reader.nextRow())
        #expect(header.cells.map(\.text).contains("身份证号"))
        #expect(header.cells.map(\.text).contains("证件类型"))
        let example = try #require(try reader.nextRow())
        #expect(example.cells.contains(.text("11010519491231002X")))
        // The sheet XML carries the drop-downs and the text number format.
        let zip = try ZipReader(path: path)
        let sheet = String(decoding: try zip.read(at: try #require(zip.index(of: "xl/worksheets/sheet1.xml")), limit: 1 << 20), as: UTF8.self)
        #expect(sheet.contains("<dataValidation type=\"list\""))
        #expect(sheet.contains("\"男,女\""))
        #expect(sheet.contains("居民身份证"))
        let styles = String(decoding: try zip.read(at: try #require(zip.index(of: "xl/styles.xml")), limit: 1 << 20), as: UTF8.self)
        #expect(styles.contains("formatCode=\"@\""))    // the text number format
        #expect(sheet.contains("<col min=\"5\" max=\"5\"") && sheet.contains("style=\"1\""))   // 身份证号 (column E) carries it
        // And the template validates: the example row is valid.
        let v = try CLI.run(["validate", "--roster", path, "--json"])
        #expect(v.status == 0)
    }
}

@Suite struct DemoDataTests {
    @Test func theCommittedDemoIsWhatTheGeneratorMakes() throws {
        let dir = try Fixtures.scratch()
        #expect(try CLI.run(["generate", "demo", "--out", dir]).status == 0)
        for name in ["考生名单.xlsx", "照片.zip", "学员名单.xlsx", "学员照片.zip"] {
            let made = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
            let committed = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("fixtures/demo/" + name)))
            #expect(made == committed, "\(name) differs from fixtures/demo: run kaowu generate demo --out fixtures/demo")
        }
    }
}

@Suite(.serialized) struct HostileCommandLineTests {
    @Test(arguments: ["binary.csv", "empty.csv", "empty.xlsx", "password.xlsx", "billion-laughs.xlsx", "billion-laughs-sst.xlsx",
                      "broken-xml.xlsx", "not-a-zip.xlsx", "no-header.csv"])
    func hostileRostersExitOneWithAReason(name: String) throws {
        let r = try CLI.run(["validate", "--roster", Fixtures.external(name), "--lang", "en"])
        #expect(r.status == 1, "\(name): \(r.stderr)")
        #expect(r.stdout.contains(name))
        #expect(r.stdout.contains("roster."))
    }

    @Test(arguments: ["traversal.zip", "bomb.zip", "encrypted.zip", "huge-header.png"])
    func hostileArchivesExitOne(name: String) throws {
        let r = try CLI.run(["validate", "--roster", Fixtures.external("openpyxl-basic.xlsx"), "--photos", Fixtures.external(name), "--json"])
        #expect(r.status == 1, "\(name): \(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((object["problems"] as? [[String: Any]])?.isEmpty == false)
        #expect(object["rows"] as? Int == 5)
    }
}

extension HostileCommandLineTests {
    @Test func anArchiveThatIsNoZipLeavesEveryRowWithoutAPhoto() throws {
        let r = try CLI.run(["validate", "--roster", Fixtures.external("openpyxl-basic.xlsx"), "--photos", Fixtures.external("gbk.csv"),
                             "--json", "--lang", "en"])
        #expect(r.status == 1, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let problems = try #require(object["problems"] as? [[String: Any]])
        let missing = problems.filter { $0["code"] as? String == "photo.missing" }
        #expect(missing.compactMap { $0["row"] as? Int }.sorted() == [3, 4, 5, 6, 7])
        #expect(missing.allSatisfy { ($0["message"] as? String)?.contains("the photo archive cannot be opened") == true })
        #expect(object["rows"] as? Int == 5 && object["valid"] as? Int == 0)
    }
}

@Suite(.serialized) struct RenderCommandLineTests {
    @Test func renderRefusesInvalidRowsAndRendersTheRest() throws {
        let dir = try Fixtures.scratch()
        let out = dir + "/合格证.pdf"
        let r = try CLI.run(["render", "qualification-certificate", "--data", Fixtures.demoRoster, "--photos", Fixtures.demoPhotos,
                             "--set", "course.name=企业培训师（三级）提升培训班", "--set", "course.dates=2026年7月6日至17日", "--set", "证书编号=SHPX2026",
                             "--set", "issuer.name=上海市培训协会", "--set", "certificate.date=2026-07-20", "--out", out])
        #expect(r.status == 1)                                  // the demo has rows with errors: listed, not rendered
        #expect(r.stdout.contains("id.checksum"))
        // One certificate per valid person (the 1+X group's people have two rows each).
        let valid = Validator(options: ValidationOptions()).validateRoster(rosterPath: Fixtures.demoRoster, photosPath: Fixtures.demoPhotos).candidates.count
        let pdfinfo = Process()
        pdfinfo.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        pdfinfo.arguments = ["pdfinfo", out]
        let pipe = Pipe()
        pdfinfo.standardOutput = pipe
        try pdfinfo.run()
        let info = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        pdfinfo.waitUntilExit()
        #expect(info.contains("Pages:           \(valid)"), "\(valid) valid people: \(info)")
        #expect(r.stdout.contains("\(valid) 人"))
    }

    @Test func unknownKindsAndBadSettingsExitTwo() throws {
        #expect(try CLI.run(["render", "diploma", "--data", Fixtures.demoRoster, "--out", "/tmp/x.pdf"]).status == 2)
        #expect(try CLI.run(["render", "door-label", "--data", Fixtures.demoRoster, "--set", "nonsense", "--out", "/tmp/x.pdf"]).status == 2)
        #expect(try CLI.run(["preview", "/nonexistent/t.yaml", "--out", "/tmp/x.png"]).status == 2)
    }

    /// A template's mistakes are shown in Chinese by default and in English with --lang en; exit 2 either way.
    @Test func templateMistakesFollowTheLanguage() throws {
        let dir = try Fixtures.scratch()
        let template = dir + "/t.yaml"
        try "page: {size: A4}\npage: {size: A5}\nelements: []\n".write(toFile: template, atomically: true, encoding: .utf8)
        let zh = try CLI.run(["preview", template, "--out", dir + "/t.png"])
        #expect(zh.status == 2 && zh.stderr.contains("t.yaml:2: template.page: 重复的键：第 1 行已经写过 page，只能写一次"), "\(zh.stderr)")
        let en = try CLI.run(["preview", template, "--out", dir + "/t.png", "--lang", "en"])
        #expect(en.status == 2 && en.stderr.contains("t.yaml:2: template.page: repeated key: page is already given on line 1; give it once"), "\(en.stderr)")
    }

    @Test func previewWritesAPNG() throws {
        let dir = try Fixtures.scratch()
        #expect(try CLI.run(["preview", "qualification-certificate", "--out", dir + "/q.png", "--dpi", "40"]).status == 0)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/q.png")))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }
}
