import Archive
import Foundation
import Testing
import Render
import Support
import Synthetic
import TestTools
import Validation
@testable import Documents

/// A roster of 12 invented candidates (CSV, with ticket numbers and seats, as after seating) and their
/// photos (zip), written once for all template tests.
struct RenderFixture {
    let dir: String
    let roster: String
    let photos: String
    let candidates: [SyntheticCandidate]
    static let count = 12

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaowu-docs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var random = SeededRandom(seed: 77)
        candidates = (0..<Self.count).map { SyntheticCandidate.make(index: $0 * 31 + 2, random: &random) }
        var csv = "姓名,性别,身份证号,所属院校,报考科目,准考证号,座位号,证书编号\n"
        let zip = try ZipWriter(path: dir + "/photos.zip")
        let painter = PhotoPainter()
        for (k, c) in candidates.enumerated() {
            csv += "\(c.name),\(c.gender),\(c.id),\(c.school),\(c.subject),2026A0101\(String(format: "%03d", k + 1)),\(String(format: "%02d", k + 1)),SHPX2026\(String(format: "%06d", k + 1))\n"
            try zip.add("照片/\(c.id).jpg", ZipPayload(painter.jpeg(background: .red, variant: k)))
        }
        try zip.close()
        roster = dir + "/roster.csv"
        photos = dir + "/photos.zip"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: roster))
    }

    /// Renders built-in `kind` for the fixture and returns the PDF's path.
    func render(_ kind: String) throws -> String {
        let document = try PaperRenderer(templatePath: try #require(BuiltInTemplates.path(for: kind)))
        var options = ValidationOptions()
        options.today = .init(year: 2026, month: 6, day: 1)!
        let (report, records) = validatedRecords(roster: roster, photos: photos, options: options)
        #expect(!report.hasErrors, "\(report.problems.map { $0.message(.zh) })")
        #expect(records.count == Self.count)
        var context = SampleRecords.context
        context["certificate.qr"] = "HTTPS://V.EXAMPLE.ORG/1/D2SBGAQMEBZIG5DFON2A"
        context["count.expected"] = nil          // counted from the rows
        let path = dir + "/\(kind).pdf"
        try document.renderPDF(records, context: context, to: path, created: "2026-06-01T08:00:00+08:00")
        return path
    }
}

@Suite(.serialized) struct BuiltInTemplateTests {
    let fixture: RenderFixture
    init() throws { fixture = try RenderFixture() }

    func pages(_ path: String) throws -> (count: Int, size: String) {
        let info = try Tool.run("pdfinfo", [path]).output
        let count = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last!) } ?? 0
        let size = info.split(separator: "\n").first { $0.hasPrefix("Page size:") }.map(String.init) ?? ""
        return (count, size)
    }

    func text(_ path: String) throws -> String {
        try Tool.run("pdftotext", ["-layout", path, "-"]).output.replacingOccurrences(of: " ", with: "")
    }

    func checkFontsAndStructure(_ path: String) throws {
        let fonts = try Tool.run("pdffonts", [path]).output.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for font in fonts { #expect(font.contains(" yes yes "), "not embedded/subset: \(font)") }
        #expect(try Tool.run("qpdf", ["--check", path]).status == 0)
    }

    /// Image rows of `pdfimages -list`: width, height, encoding, object number.
    func images(_ path: String) throws -> [(width: String, height: String, encoding: String, object: String)] {
        // Pictures only: a QR code is a 1-bit stencil mask.
        try Tool.run("pdfimages", ["-list", path]).output.split(separator: "\n").dropFirst(2).filter { !$0.contains(" stencil ") }.map {
            let f = $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            return (f[3], f[4], f[8], f[10])
        }
    }

    func qrCodes(_ path: String, page: Int = 1) throws -> [String] {
        let png = path + "-qr"
        try Tool.run("pdftoppm", ["-png", "-r", "150", "-f", "\(page)", "-l", "\(page)", "-singlefile", path, png])
        return try Tool.zbarimgQR(["--quiet", "--raw", png + ".png"]).output.split(separator: "\n").map(String.init)
    }

    @Test func admissionTickets() throws {
        let path = try fixture.render("admission-ticket")
        let p = try pages(path)
        #expect(p.count == RenderFixture.count && p.size.contains("(A4)"))
        let t = try text(path)
        #expect(t.contains("准考证") && t.contains("考生须知"))
        for (k, c) in fixture.candidates.enumerated() {
            #expect(t.contains(c.name) && t.contains(c.id) && t.contains("2026A0101\(String(format: "%03d", k + 1))"))
        }
        #expect(t.contains("上海信息技术职业学院考点") && t.contains("第01考场"))
        let list = try images(path)
        #expect(list.count == RenderFixture.count && list.allSatisfy { $0.width == "295" && $0.height == "413" && $0.encoding == "jpeg" })
        #expect(Set(list.map(\.object)).count == RenderFixture.count)
        #expect(try qrCodes(path, page: 3) == ["2026A0101003"])
        try checkFontsAndStructure(path)
    }

    @Test func signInSheet() throws {
        let path = try fixture.render("sign-in-sheet")
        let p = try pages(path)
        #expect(p.count == 3 && p.size.contains("841.89") && p.size.contains("595"))    // A4 landscape, 5 rows a page
        let t = try text(path)
        for column in ["序号", "照片", "姓名", "身份证号", "准考证号", "所属院校", "座位号", "签名"] { #expect(t.contains(column)) }
        for c in fixture.candidates {
            #expect(t.contains(c.name) && t.contains(String(c.id.prefix(6)) + "********" + String(c.id.suffix(4))))
            #expect(!t.contains(c.id))                          // masked
        }
        #expect(t.contains("第3页/共3页") && t.contains("应到12人"))
        #expect(try images(path).count == RenderFixture.count)
        try checkFontsAndStructure(path)
    }

    @Test func deskLabels() throws {
        let path = try fixture.render("desk-label")
        #expect(try pages(path).count == 2)                     // 8 labels a sheet
        let t = try text(path)
        for (k, c) in fixture.candidates.enumerated() { #expect(t.contains(c.name) && t.contains("2026A0101\(String(format: "%03d", k + 1))")) }
        #expect(try images(path).count == RenderFixture.count)
        try checkFontsAndStructure(path)
    }

    @Test func doorLabel() throws {
        let path = try fixture.render("door-label")
        let p = try pages(path)
        #expect(p.count == 1 && p.size.contains("841.89"))    // one per room, not per candidate
        let t = try text(path)
        #expect(t.contains("第01考场") && t.contains("本考场30人") && t.contains("2026A0101001–2026A0101030"))
        try checkFontsAndStructure(path)
    }

    @Test func attendanceCards() throws {
        let path = try fixture.render("attendance-card")
        #expect(try pages(path).count == 2)                     // 10 cards a sheet
        let t = try text(path)
        #expect(t.contains("听课证") && t.contains("企业培训师（三级）提升培训班"))
        for c in fixture.candidates { #expect(t.contains(c.name) && t.contains(c.school)) }
        let codes = try qrCodes(path)
        #expect(Set(codes) == Set((1...10).map { "2026A0101" + String(format: "%03d", $0) }))
        try checkFontsAndStructure(path)
    }

    @Test func qualificationCertificates() throws {
        let path = try fixture.render("qualification-certificate")
        let p = try pages(path)
        #expect(p.count == RenderFixture.count && p.size.contains("841.89"))
        let t = try text(path)
        #expect(t.contains("合格证") && t.contains("特发此证") && t.contains("2026年07月20日"))
        for (k, c) in fixture.candidates.enumerated() { #expect(t.contains(c.name + "同志") && t.contains("证书编号：SHPX2026\(String(format: "%06d", k + 1))")) }
        let list = try images(path)
        // Photos as JPEG, one per page; the seal PNG (with its transparency mask) embedded once for all pages.
        #expect(list.filter { $0.encoding == "jpeg" }.count == RenderFixture.count)
        let seals = list.filter { $0.width == "300" }
        #expect(seals.count >= RenderFixture.count && Set(seals.map(\.object)).count <= 2)
        try checkFontsAndStructure(path)
    }

    @Test func eCertificates() throws {
        let path = try fixture.render("e-certificate")
        #expect(try pages(path).count == RenderFixture.count)
        let t = try text(path)
        for label in ["发证编号(CertifyNumber)", "有效期(ValidDate)", "姓名(Name)", "身份证号(IDNumber)", "性别(Gender)", "出生年月(BirthDate)"] {
            #expect(t.contains(label))
        }
        let c = fixture.candidates[0]
        let birth = c.birthdate.split(separator: "-")
        #expect(t.contains("\(birth[0])年\(birth[1])月\(birth[2])日"))
        #expect(try qrCodes(path) == ["HTTPS://V.EXAMPLE.ORG/1/D2SBGAQMEBZIG5DFON2A"])
        try checkFontsAndStructure(path)
    }

    @Test func everyBuiltInTemplatePreviews() throws {
        for kind in BuiltInTemplates.kinds {
            let document = try PaperRenderer(templatePath: try #require(BuiltInTemplates.path(for: kind)))
            let png = fixture.dir + "/\(kind).png"
            try document.renderPNG(SampleRecords.records(document.recordsOnFirstPage), context: SampleRecords.context, to: png, dpi: 60)
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: png)))
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(kind)")
        }
    }
}
