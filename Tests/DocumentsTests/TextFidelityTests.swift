import Foundation
import Testing
import Render
import Support
import Synthetic
import TestTools
import Validation
@testable import Documents

/// What is printed is what the user wrote: full-width punctuation, “quotes”, 、, the middle dot typed, and
/// rare characters (𠮷 U+20BB7 outside the BMP, 䶮 U+4DAE) come out of the PDF exactly, in embedded fonts;
/// only invisible characters and outer spaces are gone.
@Suite struct TextFidelityTests {
    /// Rows of (name, school, subject, major, address) as typed, and what must be printed for each.
    static let rows: [(typed: [String], printed: [String])] = [
        (["阿卜杜•热合曼", "财务学院（初级班）", "财务数字化应用（初级）", "“数字化”管理", "北京市海淀区中关村大街１号（东门）"],
         ["阿卜杜•热合曼", "财务学院（初级班）", "财务数字化应用（初级）", "“数字化”管理", "北京市海淀区中关村大街１号（东门）"]),
        (["吉𠮷祥", "“数字化”管理学院、财会系", "财务数字化应用（初级）", "会计·审计", "上海市\n浦东新区１号"],
         ["吉𠮷祥", "“数字化”管理学院、财会系", "财务数字化应用（初级）", "会计·审计", "上海市\n浦东新区１号"]),
        (["\u{3000}王\u{200B}䶮 ", "\u{FEFF}第一中学\u{200E}", " 财务数字化应用（初级）\u{00AD}", "䶮𠮷专业", "广州市\u{202E}天河区"],
         ["王䶮", "第一中学", "财务数字化应用（初级）", "䶮𠮷专业", "广州市天河区"]),
    ]

    static let template = """
    name: 文字测试
    page: {width: 160, height: 90}
    elements:
      - {type: text, text: "{{name}}", box: [5, 5, 150, 10], size: 14}
      - {type: text, text: "{{school}}", box: [5, 17, 150, 10], size: 12}
      - {type: text, text: "{{subject}}", box: [5, 29, 150, 10], size: 12, font: sans}
      - {type: text, text: "{{major}}", box: [5, 41, 150, 10], size: 12, bold: true}
      - {type: text, text: "{{address}}", box: [5, 53, 150, 30], size: 12, wrap: true, valign: top}
    """

    @Test func everyValuePrintsExactlyAsWritten() throws {
        let dir = try Tool.scratch()
        var random = SeededRandom(seed: 10)
        var csv = "\u{FEFF}姓名,身份证号,所属院校,报考科目,专业,地址\r\n"
        for row in Self.rows {
            let id = SyntheticCandidate.make(index: csv.count, random: &random).id
            let cells = [row.typed[0], id] + row.typed[1...]
            csv += cells.map { $0.contains("\n") ? "\"\($0)\"" : $0 }.joined(separator: ",") + "\r\n"
        }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: dir + "/名单.csv"))
        try Self.template.write(toFile: dir + "/文字.yaml", atomically: true, encoding: .utf8)

        var options = ValidationOptions()
        options.today = CivilDate(year: 2026, month: 6, day: 1)!
        let validated = Validator(options: options).validateRoster(rosterPath: dir + "/名单.csv", photosPath: nil)
        #expect(!validated.report.hasErrors, "\(validated.report.problems.map { $0.message(.zh) })")
        // The candidates hold the text as written; what is compared is the key form.
        for (candidate, row) in zip(validated.candidates, Self.rows) {
            #expect([candidate.name, candidate.school, candidate.subject, candidate.fields[.major]!, candidate.fields[.address]!] == row.printed)
            #expect(candidate.columns["所属院校"] == row.printed[1])
        }
        #expect(validated.candidates.count == Self.rows.count)

        let document = try PaperRenderer(templatePath: dir + "/文字.yaml")
        let records = CandidateRecords.records(validated.candidates, photos: nil, limit: 1 << 20)
        try document.renderPDF(records, context: [:], to: dir + "/文字.pdf", created: "2026-06-01T08:00:00+08:00")
        #expect(try Tool.run("qpdf", ["--check", dir + "/文字.pdf"]).status == 0)
        let pages = try Tool.run("pdftotext", [dir + "/文字.pdf", "-"]).output.components(separatedBy: "\u{0C}")
        for (page, row) in zip(pages, Self.rows) {
            let lines = page.split(separator: "\n").map(String.init)
            // Each value on its own line(s); the address typed on two lines is printed on two.
            #expect(Array(lines.prefix(4)) == Array(row.printed.prefix(4)), "\(lines)")
            #expect(lines.dropFirst(4).joined(separator: "\n") == row.printed[4], "\(lines)")
        }
        // Every font embedded and subset, the fallback for a character a face lacks too.
        let fonts = try Tool.run("pdffonts", [dir + "/文字.pdf"]).output.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for font in fonts { #expect(font.contains(" yes yes "), "not embedded and subset: \(font)") }
    }
}
