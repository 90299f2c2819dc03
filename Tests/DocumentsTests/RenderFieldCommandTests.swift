import Archive
import Foundation
import Testing
import Support
import Synthetic
import TestTools
@testable import Documents

/// A folder with a plain roster (name, ID, school, subject), a full one (also 准考证号, 座位号, 证书编号,
/// 培训项目 and an empty 备注 column but for row 3) of the same 6 invented people, and their photos:
/// 295×413 (小一寸) and 413×579 (2寸).
struct FieldFixture {
    let dir: String
    let candidates: [SyntheticCandidate]
    var plain: String { dir + "/plain.csv" }
    var full: String { dir + "/full.csv" }
    var photos: String { dir + "/photos.zip" }
    var twoInch: String { dir + "/2cun.zip" }
    static let count = 6

    init() throws {
        dir = try Tool.scratch()
        var random = SeededRandom(seed: 1010)
        candidates = (0..<Self.count).map { SyntheticCandidate.make(index: $0 * 17 + 3, random: &random) }
        var plain = "姓名,身份证号,所属院校,报考科目\n"
        var full = "姓名,身份证号,所属院校,报考科目,准考证号,座位号,证书编号,培训项目,备注\n"
        let painter = PhotoPainter()
        let small = try ZipWriter(path: dir + "/photos.zip"), large = try ZipWriter(path: dir + "/2cun.zip")
        for (k, c) in candidates.enumerated() {
            plain += "\(c.name),\(c.id),\(c.school),\(c.subject)\n"
            full += "\(c.name),\(c.id),\(c.school),\(c.subject),\(Self.ticket(k)),\(String(format: "%02d", k + 1)),\(Self.certificate(k)),企业培训师三级班,\(k == 1 ? "补考" : "")\n"
            try small.add("\(c.id).jpg", ZipPayload(painter.jpeg(background: .red, variant: k)))
            try large.add("\(c.id).jpg", ZipPayload(painter.jpeg(width: 413, height: 579, background: .blue, variant: k)))
        }
        try small.close()
        try large.close()
        try plain.write(toFile: dir + "/plain.csv", atomically: true, encoding: .utf8)
        try full.write(toFile: dir + "/full.csv", atomically: true, encoding: .utf8)
    }

    static func ticket(_ k: Int) -> String { "26A0101" + String(format: "%03d", k + 1) }
    static func certificate(_ k: Int) -> String { "ZS2026" + String(format: "%04d", k + 1) }

    /// Writes `yaml` as a template named `name` in the fixture's folder.
    func template(_ name: String, _ yaml: String) throws -> String {
        try yaml.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        return dir + "/" + name
    }

    /// The `--set` options every field of the built-in ticket needs besides the roster's.
    static let ticketSettings = ["--set", "exam.title=2026年上半年职业技能等级证书考试", "--set", "site.name=上海信息技术职业学院考点",
                                 "--set", "site.address=上海市浦东新区科技路 100 号", "--set", "room.name=第01考场", "--set", "room.address=实训楼 A 座 301 室",
                                 "--set", "sessions.1=06月20日 09:00–11:00  理论知识", "--set", "notice.1=考生须携带准考证和有效身份证件。",
                                 "--set", "notice.2=开考 15 分钟后不得入场。"]
}

/// `kaowu render`: every template field is supplied or the command stops before anything is drawn (issue 10).
@Suite(.serialized) struct RenderFieldCommandTests {
    let fixture: FieldFixture
    init() throws { fixture = try FieldFixture() }

    func text(_ path: String) throws -> String { try Tool.run("pdftotext", ["-layout", path, "-"]).output }
    func pages(_ path: String) throws -> Int {
        let info = try Tool.run("pdfinfo", [path]).output
        return info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last!) } ?? -1
    }
    /// Pictures in the PDF (photos, seals); QR codes are stencil masks and not counted.
    func imageCount(_ path: String) throws -> Int {
        try Tool.run("pdfimages", ["-list", path]).output.split(separator: "\n").dropFirst(2).filter { !$0.contains(" stencil ") }.count
    }
    /// The line of the built-in template `kind` where `needle` is first written.
    func line(of needle: String, in kind: String) throws -> Int {
        let text = try String(contentsOfFile: try #require(BuiltInTemplates.path(for: kind)), encoding: .utf8)
        return try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }) + 1
    }

    @Test func aTicketOnAPlainRosterNamesEveryMissingFieldWithItsLineAndHowToSupplyIt() throws {
        let out = fixture.dir + "/准考证.pdf"
        let run = try Kaowu.run(["render", "admission-ticket", "--data", fixture.plain, "--photos", fixture.photos, "--out", out])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("admission-ticket.yaml 用到的字段没有值，未生成任何文件"), "\(run.stderr)")
        let ticketLine = try line(of: "text: \"{{ticketNumber}}\"", in: "admission-ticket"), qrLine = try line(of: "type: qr", in: "admission-ticket")
        #expect(run.stderr.contains("第 \(ticketLine)、\(qrLine) 行 {{ticketNumber}}：名单中加一列“准考证号”"), "\(run.stderr)")
        // The timetable is made from the record's own values (seat, room.*, sessions.1): its cells may be blank.
        for field in ["exam.title", "site.name", "site.address"] {
            #expect(run.stderr.contains("{{\(field)}}：--set \(field)=…"), "\(field)")
        }
        #expect(run.stderr.contains("{{notices}}：--set notice.1=…"))
        #expect(!run.stderr.contains("sessions.2") && !run.stderr.contains("{{photo}}") && !run.stderr.contains("{{name}}"), "optional, or supplied")
        #expect(run.stderr.contains("--allow-blank"))
        #expect(!FileManager.default.fileExists(atPath: out))
        // The same in English.
        let english = try Kaowu.run(["render", "admission-ticket", "--data", fixture.plain, "--out", out, "--lang", "en"])
        #expect(english.status == 2)
        #expect(english.stderr.contains("uses fields that have no value; nothing was written"))
        #expect(english.stderr.contains("line \(try line(of: "{{photo}}", in: "admission-ticket")): {{photo}}: give the photo archive with --photos"), "\(english.stderr)")
        #expect(english.stderr.contains("{{site.name}}: --set site.name=…"))
    }

    @Test func aTicketWithEveryFieldSuppliedPrintsThem() throws {
        let out = fixture.dir + "/准考证.pdf"
        let run = try Kaowu.run(["render", "admission-ticket", "--data", fixture.full, "--photos", fixture.photos, "--out", out] + FieldFixture.ticketSettings)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try pages(out) == FieldFixture.count)
        let t = try text(out)
        for (k, c) in fixture.candidates.enumerated() { #expect(t.contains(FieldFixture.ticket(k)) && t.contains(c.name)) }
        for value in ["上海信息技术职业学院考点", "上海市浦东新区科技路 100 号", "实训楼 A 座 301 室", "06月20日 09:00–11:00", "1. 考生须携带准考证和有效身份证件。",
                      "2. 开考 15 分钟后不得入场。"] {
            #expect(t.contains(value), "\(value)")
        }
        #expect(!t.contains("3."), "only the notices given are numbered")
        #expect(try imageCount(out) == FieldFixture.count)
        let png = fixture.dir + "/ticket-2"
        try Tool.run("pdftoppm", ["-png", "-r", "150", "-f", "2", "-l", "2", "-singlefile", out, png])
        #expect(try Tool.zbarimgQR(["--quiet", "--raw", png + ".png"]).output.split(separator: "\n") == [Substring(FieldFixture.ticket(1))])
    }

    @Test func aMistypedSetIsRefusedWithTheNameMeant() throws {
        let out = fixture.dir + "/门贴.pdf"
        let zh = try Kaowu.run(["render", "door-label", "--data", fixture.full, "--set", "exam.titel=X", "--out", out])
        #expect(zh.status == 2 && zh.stderr.contains("--set exam.titel") && zh.stderr.contains("是否想写 exam.title？"), "\(zh.stderr)")
        let en = try Kaowu.run(["render", "door-label", "--data", fixture.full, "--set", "room.nmae=第01考场", "--out", out, "--lang", "en"])
        #expect(en.status == 2 && en.stderr.contains("did you mean room.name?"), "\(en.stderr)")
        let blank = try Kaowu.run(["render", "door-label", "--data", fixture.full, "--allow-blank", "room.cuont", "--out", out])
        #expect(blank.status == 2 && blank.stderr.contains("是否想写 room.count？"), "\(blank.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        // A known field this template does not use is not a typo.
        let door = ["render", "door-label", "--data", fixture.full, "--set", "exam.title=考试", "--set", "room.name=第01考场", "--set", "site.name=考点",
                    "--set", "room.range=1 – 6", "--set", "room.count=6", "--set", "course.name=培训班", "--out", out]
        let ok = try Kaowu.run(door)
        #expect(ok.status == 0, "\(ok.stderr)")
        let t = try text(out)
        #expect(t.contains("本考场 6 人") && !t.contains("科目："), "a door label without a session leaves the line out: \(t)")
    }

    /// The blanks of issue 10: a door label reading "本考场 人", a 合格证 reading "于  参加 ，".
    @Test func theSentencesThatPrintedWithHolesAreRefused() throws {
        let door = try Kaowu.run(["render", "door-label", "--data", fixture.full, "--set", "exam.title=考试", "--out", fixture.dir + "/门贴.pdf"])
        #expect(door.status == 2 && door.stderr.contains("行 {{room.count}}：--set room.count=…"), "\(door.stderr)")
        let certificate = try Kaowu.run(["render", "qualification-certificate", "--data", fixture.full, "--photos", fixture.photos, "--out", fixture.dir + "/合格证.pdf"])
        #expect(certificate.status == 2, "\(certificate.stderr)")
        for field in ["course.dates", "course.name", "issuer.name", "certificate.date"] {
            #expect(certificate.stderr.contains("{{\(field)}}：--set \(field)=…"), "\(field)")
        }
        #expect(!certificate.stderr.contains("证书编号"), "the roster has the column")
        let plain = try Kaowu.run(["render", "qualification-certificate", "--data", fixture.plain, "--photos", fixture.photos, "--out", fixture.dir + "/合格证.pdf"])
        #expect(plain.stderr.contains("{{证书编号}}：名单中加一列“证书编号”"), "\(plain.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.dir + "/门贴.pdf") && !FileManager.default.fileExists(atPath: fixture.dir + "/合格证.pdf"))
    }

    @Test func allowBlankLetsAFieldBeBlankOnPurpose() throws {
        let out = fixture.dir + "/桌贴.pdf"
        let base = ["render", "desk-label", "--data", fixture.plain, "--photos", fixture.photos, "--set", "room.name=第01考场", "--out", out]
        let refused = try Kaowu.run(base)
        #expect(refused.status == 2 && refused.stderr.contains("{{seat}}") && refused.stderr.contains("{{ticketNumber}}"), "\(refused.stderr)")
        let run = try Kaowu.run(base + ["--allow-blank", "seat", "--allow-blank", "ticketNumber"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try text(out).contains(fixture.candidates[0].name))
    }

    @Test func rosterColumnsAreFieldsByTheirHeaderText() throws {
        let template = try fixture.template("结业证明.yaml", """
        name: 结业证明
        page: {size: A5, orientation: landscape}
        elements:
          - {type: text, text: "{{name}}", box: [20, 20, 150, 12], size: 16}
          - {type: text, text: "证书编号：{{证书编号}}", box: [20, 40, 150, 10]}
          - {type: text, text: "培训项目：{{培训项目}}", box: [20, 55, 150, 10]}
          - {type: text, text: "备注：{{备注}}", box: [20, 70, 150, 10], optional: true}
          - {type: text, text: "等级：{{level}}", box: [20, 85, 150, 10], optional: true}
        """)
        let out = fixture.dir + "/结业证明.pdf"
        let run = try Kaowu.run(["render", "--template", template, "--data", fixture.full, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let t = try text(out)
        for k in 0..<FieldFixture.count { #expect(t.contains("证书编号：\(FieldFixture.certificate(k))")) }
        #expect(t.contains("培训项目：企业培训师三级班"))
        // The optional line is drawn only where the roster has a value; the optional field no source has, nowhere.
        #expect(t.components(separatedBy: "备注：").count - 1 == 1 && t.contains("备注：补考"), "\(t)")
        #expect(!t.contains("等级："))
        // A roster without those columns: refused, naming the column to add.
        let plain = try Kaowu.run(["render", "--template", template, "--data", fixture.plain, "--out", out])
        #expect(plain.status == 2)
        #expect(plain.stderr.contains("\(template) 用到的字段没有值") && plain.stderr.contains("第 5 行 {{证书编号}}：名单中加一列“证书编号”，或 --set 证书编号=…"), "\(plain.stderr)")
        #expect(plain.stderr.contains("第 6 行 {{培训项目}}") && !plain.stderr.contains("备注"))
    }

    @Test func aPhotoNeedsAnArchiveUnlessItIsOptional() throws {
        let out = fixture.dir + "/桌贴.pdf"
        let settings = ["--set", "room.name=第01考场"]
        let refused = try Kaowu.run(["render", "desk-label", "--data", fixture.full, "--out", out] + settings)
        #expect(refused.status == 2 && refused.stderr.contains("{{photo}}：用 --photos 给出照片压缩包"), "\(refused.stderr)")
        let set = try Kaowu.run(["render", "desk-label", "--data", fixture.full, "--set", "photo=x.jpg", "--out", out] + settings)
        #expect(set.status == 2 && set.stderr.contains("--set photo"), "\(set.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let template = try fixture.template("无照片.yaml", """
        page: {width: 90, height: 54}
        elements:
          - {type: image, source: "{{photo}}", box: [60, 5, 25, 35], border: 0.3, optional: true}
          - {type: text, text: "{{name}}", box: [5, 5, 50, 10]}
        """)
        let withoutPhotos = try Kaowu.run(["render", "--template", template, "--data", fixture.full, "--out", out])
        #expect(withoutPhotos.status == 0, "\(withoutPhotos.stderr)")
        #expect(try imageCount(out) == 0)
        // Not drawn means no empty frame either: the page is blank where the photo would be.
        try Tool.run("pdftoppm", ["-r", "100", "-f", "1", "-l", "1", "-singlefile", out, fixture.dir + "/card"])
        let card = try PPM(path: fixture.dir + "/card.ppm")
        var ink = 0, name = 0
        for y in 15..<160 { for x in 230..<340 where card.rgb(x, y).0 < 200 { ink += 1 } }     // the photo's box, 58–87 × 4–41 mm
        for y in 20..<60 { for x in 20..<200 where card.rgb(x, y).0 < 200 { name += 1 } }     // the name
        #expect(ink == 0 && name > 0, "\(ink) dark pixels where the photo would be, \(name) in the name")
        let withPhotos = try Kaowu.run(["render", "--template", template, "--data", fixture.full, "--photos", fixture.photos, "--out", out])
        #expect(withPhotos.status == 0)
        #expect(try imageCount(out) == FieldFixture.count)
    }

    @Test func noValidRecordWritesNothingAndSaysWhy() throws {
        let roster = fixture.dir + "/wrong.csv"
        try "姓名,身份证号\n张三,110101199003071234\n李四,12345\n".write(toFile: roster, atomically: true, encoding: .utf8)
        let out = fixture.dir + "/合格证.pdf"
        let run = try Kaowu.run(["render", "--template", try fixture.template("n.yaml", "page: {size: A5}\nelements:\n  - {type: text, text: \"{{name}}\", box: [10, 10, 100, 10]}\n"),
                                 "--data", roster, "--out", out])
        #expect(run.status == 1)
        #expect(run.stderr.contains("名单中没有可生成的行（2 行，均有错误或无法读取），未写入 \(out)"), "\(run.stderr)")
        #expect(run.stdout.contains("id.checksum"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func twoInchPhotosRenderWithPhotoSize() throws {
        let out = fixture.dir + "/桌贴.pdf"
        let args = ["render", "desk-label", "--data", fixture.full, "--photos", fixture.twoInch, "--set", "room.name=第01考场", "--out", out]
        let strict = try Kaowu.run(args)
        #expect(strict.status == 1 && strict.stdout.contains("photo.dimensions"), "\(strict.stdout)")
        #expect(!FileManager.default.fileExists(atPath: out), "nobody to render: no file")
        let run = try Kaowu.run(args + ["--photo-size", "413x579", "--photo-background", "blue"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let list = try Tool.run("pdfimages", ["-list", out]).output
        #expect(list.contains(" 413   579 "), "\(list)")
        #expect(try Kaowu.run(args + ["--photo-size", "413x579", "--photo-background", "red"]).status == 1, "the background is checked as by validate")
        #expect(try Kaowu.run(args + ["--photo-size", "big"]).status == 2)
        #expect(try Kaowu.run(args + ["--map", "x=nosuchfield"]).status == 2)
    }

    @Test func mapGivesAColumnItsMeaningForTemplatesToo() throws {
        let roster = fixture.dir + "/mapped.csv"
        var csv = "姓名,身份证号,学员证号\n"
        for (k, c) in fixture.candidates.enumerated() { csv += "\(c.name),\(c.id),XY\(k)\n" }
        try csv.write(toFile: roster, atomically: true, encoding: .utf8)
        let template = try fixture.template("编号.yaml", "page: {size: A6}\nelements:\n  - {type: text, text: \"{{ticketNumber}}\", box: [10, 10, 80, 10]}\n")
        let out = fixture.dir + "/编号.pdf"
        #expect(try Kaowu.run(["render", "--template", template, "--data", roster, "--out", out]).status == 2)
        let run = try Kaowu.run(["render", "--template", template, "--data", roster, "--map", "学员证号=ticketNumber", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try text(out).contains("XY5"))
    }
}
