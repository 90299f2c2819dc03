import Foundation
import Testing
import TestTools

/// `kaowu pack` checks every document's template fields against the roster's columns, the job's values and
/// what seating computes before anything is written (issue 10).
@Suite struct PackFieldTests {
    /// A ticket template of the job's own: a roster column by its header text and a job value.
    static let template = """
    name: 结业准考证
    page: {size: A5}
    elements:
      - {type: text, text: "{{exam.title}} {{exam.organizer}}", box: [10, 10, 128, 10]}
      - {type: text, text: "{{name}} {{ticketNumber}} {{seat}}", box: [10, 25, 128, 10]}
      - {type: text, text: "培训项目：{{培训项目}}", box: [10, 40, 128, 10]}
      - {type: text, text: "{{room.name}} {{session.subject}}", box: [10, 55, 128, 10], optional: true}
    """

    /// A folder with a roster of 6 (with a 培训项目 column), the template and a job using it.
    static func setUp(values: String) throws -> (dir: String, job: String) {
        let dir = try Tool.scratch()
        let roster = try PackFixtures.roster(6, in: dir)
        let lines = try String(contentsOfFile: roster, encoding: .utf8).split(separator: "\r\n")
        try ([lines[0] + ",培训项目"] + lines.dropFirst().map { $0 + ",企业培训师三级班" }).joined(separator: "\r\n").write(toFile: roster, atomically: true, encoding: .utf8)
        try template.write(toFile: dir + "/结业准考证.yaml", atomically: true, encoding: .utf8)
        let job = try PackFixtures.job("""
        inputs: {roster: 名单.csv}
        rooms: [{site: 测试考点, site-code: "01", name: 第01考场, type: 笔试, seats: 30}]
        documents: [admission-ticket]
        templates: {admission-ticket: 结业准考证.yaml}
        \(values)
        """, in: dir)
        return (dir, job)
    }

    @Test func aFieldNoSourceSuppliesStopsThePackBeforeAnythingIsWritten() throws {
        let (dir, job) = try Self.setUp(values: "")
        let run = try PackFixtures.kaowu(["pack", job, "--out", dir + "/out"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("结业准考证.yaml 用到的字段没有值，未生成任何文件"), "\(run.stderr)")
        #expect(run.stderr.contains("第 4 行 {{exam.organizer}}：任务文件 values: {exam.organizer: …}"), "\(run.stderr)")
        #expect(!run.stderr.contains("培训项目") && !run.stderr.contains("ticketNumber") && !run.stderr.contains("session.subject"), "supplied, or optional")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["exam.yaml", "名单.csv", "结业准考证.yaml"], "nothing written, no lock")
        let english = try PackFixtures.kaowu(["pack", job, "--out", dir + "/out", "--lang", "en"])
        #expect(english.stderr.contains("line 4: {{exam.organizer}}: values: {exam.organizer: …} in the job"), "\(english.stderr)")
    }

    @Test func rosterColumnsJobValuesAndSeatsArePrinted() throws {
        let (dir, job) = try Self.setUp(values: "values: {exam.organizer: 上海市职业技能鉴定中心}")
        let run = try PackFixtures.kaowu(["pack", job, "--out", dir + "/out"])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try PackFixtures.text(ofAll: "准考证.pdf", in: dir + "/out")
        #expect(PackFixtures.count("测试考试 上海市职业技能鉴定中心", in: text) == 6)
        #expect(PackFixtures.count("培训项目：企业培训师三级班", in: text) == 6)
        let plan = try PackFixtures.plan(dir + "/out")
        #expect(plan.count == 6)
        for row in plan { #expect(text.contains("\(row["姓名"]!) \(row["准考证号"]!) \(String(format: "%02d", Int(row["座位号"]!)!))"), "\(row)") }
        #expect(PackFixtures.count("第01考场", in: text) == 0, "the optional line has a blank session: not drawn")
    }

    @Test func theBuiltInDocumentsNeedPhotosAndAddresses() throws {
        let dir = try Tool.scratch()
        _ = try PackFixtures.roster(6, in: dir)
        let job = try PackFixtures.job("""
        inputs: {roster: 名单.csv}
        rooms: [{site: 测试考点, site-code: "01", name: 第01考场, type: 笔试, seats: 30}]
        """, in: dir)
        let run = try PackFixtures.kaowu(["pack", job, "--out", dir + "/out"])
        #expect(run.status == 2)
        for part in ["admission-ticket.yaml", "{{photo}}：在任务文件 inputs.photos 中给出照片压缩包", "{{site.address}}：任务文件 rooms 中每个考场的 site-address",
                     "{{notices}}：任务文件 exam.notices", "desk-label.yaml", "sign-in-sheet.yaml"] {
            #expect(run.stderr.contains(part), "\(part): \(run.stderr)")
        }
        #expect(!run.stderr.contains("door-label.yaml"), "a door label needs nothing the job lacks")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }
}
