import Archive
import Foundation
import Seating
import Support
import Synthetic
import Testing
import TestTools

/// A pack prints names, schools, subjects and rooms-table text exactly as written — full-width punctuation,
/// “quotes”, 、, the dot typed between the parts of a name, 𠮷 (outside the BMP) and 䶮 — with the pack's
/// cut fonts (which must hold those characters: no other face is used), while subjects, seats and types
/// are matched as keys.
@Suite struct TextFidelityPackTests {
    static let people: [(name: String, school: String)] = [
        ("阿卜杜•热合曼", "财务学院（初级班）"),
        ("吉𠮷祥", "“数字化”管理学院、财会系"),
        ("王䶮", "第一中学"),
        ("欧阳·娜娜", "财务学院（初级班）"),
    ]
    /// The subject as the job's session writes it (printed) and as the roster writes it (matched as a key).
    static let subject = "财务数字化应用（初级）"
    static let rosterSubject = "财务数字化应用 (初级)"

    @Test func ticketsLabelsSheetsAndDoorLabelsPrintWhatWasWritten() throws {
        let dir = try Tool.scratch()
        var random = SeededRandom(seed: 3)
        var csv = "\u{FEFF}姓名,证件号码,所属院校,报考科目\r\n"
        let zip = try ZipWriter(path: dir + "/照片.zip")
        let painter = PhotoPainter()
        for (k, person) in Self.people.enumerated() {
            let id = SyntheticCandidate.make(index: k, random: &random).id
            // Invisible characters and outer spaces around what was typed are dropped.
            csv += " \(person.name)\u{200B},\(id),\u{3000}\(person.school),\(Self.rosterSubject)\r\n"
            try zip.add("\(id).jpg", ZipPayload(painter.jpeg(background: .red, variant: k)))
        }
        try zip.close()
        try Data(csv.utf8).write(to: URL(fileURLWithPath: dir + "/名单.csv"))
        // The rooms table: text as written, seats in full-width digits (a key: 30).
        try Data("考点,考点代码,考点地址,考场,考场类型,座位数,考场地址\r\n第一考点（东校区）,0101,上海市“科技”路１号,第01考场,笔试,３０,教学楼Ａ座（３楼）\r\n".utf8)
            .write(to: URL(fileURLWithPath: dir + "/考场.csv"))
        // The roster writes the subject with ASCII brackets and a space: still the session's subject (a key).
        let job = try PackFixtures.job("""
          notices: [携带准考证和身份证件（原件）。]
        inputs: {roster: 名单.csv, photos: 照片.zip}
        rooms: 考场.csv
        sessions:
          - {subject: "财务数字化应用（初级）", code: "1", mode: 笔试, start: 2026-06-20 09:00, end: "11:00"}
        seating: {order: roster, numbering: rows, separate-schools: false}
        """, in: dir)
        let run = try PackFixtures.kaowu(["pack", job, "--out", dir + "/out"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let room = dir + "/out/第一考点（东校区）/第01考场/2026-06-20 09时00分 财务数字化应用（初级）/"
        let text = { (file: String) in try Tool.run("pdftotext", [room + file, "-"]).output }
        let tickets = try text("准考证.pdf"), sheet = try text("签到表.pdf"), door = try text("门贴.pdf")
        // A desk label wraps a long name in its narrow box: its lines are joined before comparing.
        let labels = try text("桌贴.pdf").replacingOccurrences(of: "\n", with: "")
        for person in Self.people {
            #expect(tickets.contains(person.name) && labels.contains(person.name) && sheet.contains(person.name), "\(person.name)")
            #expect(tickets.contains(person.school) && sheet.contains(person.school), "\(person.school)")
        }
        #expect(PackFixtures.count(Self.subject, in: tickets) == Self.people.count)          // each ticket's timetable
        #expect(PackFixtures.count(Self.subject, in: labels) == Self.people.count)
        #expect(tickets.contains("第一考点（东校区）") && tickets.contains("教学楼Ａ座（３楼）"))
        #expect(door.contains("第一考点（东校区）") && door.contains(Self.subject))
        #expect(!tickets.contains("\u{200B}") && !tickets.contains("(初级)"))
        // The plan and its workbook keep the text too.
        let plan = try PackFixtures.plan(dir + "/out")
        #expect(plan.map { $0["姓名"]! } == Self.people.map(\.name))
        #expect(plan.map { $0["所属院校"]! } == Self.people.map(\.school))
        #expect(plan.allSatisfy { $0["考点"] == "第一考点（东校区）" && $0["考场地址"] == "教学楼Ａ座（３楼）" && $0["报考科目"] == Self.subject })

        // Only the cut faces of the templates' fonts, embedded and subset: 𠮷 and 䶮 are in them.
        for file in ["准考证.pdf", "桌贴.pdf", "签到表.pdf"] {
            let fonts = try Tool.run("pdffonts", [room + file]).output.split(separator: "\n").dropFirst(2)
            #expect(!fonts.isEmpty)
            for font in fonts {
                #expect(font.contains(" yes yes "), "\(file): not embedded and subset: \(font)")
                #expect(font.contains("CJKsc-"), "\(file): a fallback face was needed: \(font)")
            }
        }
    }
}
