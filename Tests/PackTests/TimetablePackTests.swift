import Foundation
import Testing
import TestTools

/// `kaowu pack` with real timetables: rooms booked per session, several subjects per candidate, numbers per
/// candidate or per session, rooms open only in some sessions, `--keep` per registration.
@Suite struct TimetablePackTests {
    static let sessions = """
    sessions:
      - {subject: 理论知识, code: "01", mode: 机考, start: 2026-06-20 09:00, end: "11:00"}
      - {subject: 操作技能, code: "02", mode: 机考, start: 2026-06-20 13:30, end: "15:30"}
    """

    static func job(rooms: String, extra: String = "", in dir: String, name: String = "exam.yaml") throws -> String {
        try PackFixtures.job("""
        inputs: {roster: 名单.csv, photos: 照片.zip}
        rooms:
        \(rooms)
        \(sessions)
        seating: {order: roster}
        ticket-number: "{exam.code}{session.code}{site.code:4}{room:2}{seat:2}"
        documents: [door-label, sign-in-sheet, desk-label]
        \(extra)
        """, in: dir, name: name)
    }

    static let oneRoom = "  - {site: 测试考点, site-code: \"0901\", name: 第01考场, type: 机考, seats: 30, columns: 5}"

    @Test func aThirtySeatRoomHoldsTwentySixInTheMorningAndTwentyFiveInTheAfternoon() throws {
        let dir = try Tool.scratch()
        try PackFixtures.photos(for: [try PackFixtures.roster(51, in: dir, subject: { $0 < 26 ? "理论知识" : "操作技能" })], in: dir)
        let run = try PackFixtures.kaowu(["pack", try Self.job(rooms: Self.oneRoom, in: dir), "--out", dir + "/out"])
        #expect(run.status == 0, "\(run.stderr)")
        let plan = try PackFixtures.plan(dir + "/out")
        #expect(plan.count == 51)
        let room = dir + "/out/测试考点/第01考场"
        #expect(try FileManager.default.contentsOfDirectory(atPath: room).sorted() == ["2026-06-20 09时00分 理论知识", "2026-06-20 13时30分 操作技能"])
        var people: [Set<String>] = []
        for (folder, code, count) in [("2026-06-20 09时00分 理论知识", "01", 26), ("2026-06-20 13时30分 操作技能", "02", 25)] {
            let rows = plan.filter { $0["场次代码"] == code }
            #expect(rows.count == count && Set(rows.map { $0["座位号"]! }).count == count, "no seat twice in session \(code)")
            people.append(Set(rows.map { $0["证件号码"]! }))
            let numbers = rows.map { $0["准考证号"]! }.sorted()
            let door = try Tool.run("pdftotext", [room + "/" + folder + "/门贴.pdf", "-"]).output
            #expect(door.contains("准考证号：\(numbers.first!) – \(numbers.last!)") && door.contains("本考场 \(count) 人"), "\(door)")
            let sheet = try Tool.run("pdftotext", ["-layout", room + "/" + folder + "/签到表.pdf", "-"]).output
            let labels = try Tool.run("pdftotext", [room + "/" + folder + "/桌贴.pdf", "-"]).output
            for number in numbers {
                #expect(PackFixtures.count(number, in: sheet) == 1 && PackFixtures.count(number, in: labels) == 1, "\(number)")
            }
            #expect(Set(sheet.matches(of: /T1\d{10}/).map { String($0.output) }) == Set(numbers), "only this session's people")
        }
        #expect(people[0].isDisjoint(with: people[1]))
        // 考场汇总: one line per room and session.
        let summary = try PackFixtures.sheet(dir + "/out/排考明细.xlsx", "考场汇总")
        #expect(summary.dropFirst().dropLast().map { [$0[2], $0[6], $0[9], $0[10]] } == [["第01考场", "01", "26", "4"], ["第01考场", "02", "25", "5"]])
    }

    @Test func thirtyOneInTheMorningIsOneSeatShortInTheFirstSession() throws {
        let dir = try Tool.scratch()
        try PackFixtures.photos(for: [try PackFixtures.roster(56, in: dir, subject: { $0 < 31 ? "理论知识" : "操作技能" })], in: dir)
        let run = try PackFixtures.kaowu(["pack", try Self.job(rooms: Self.oneRoom, in: dir), "--out", dir + "/out"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("第 1 场“理论知识”（06-20 09:00–11:00）机考考场座位不足：还差 1 个座位（本场考生 31 人，可用机考座位 30 个）"), "\(run.stderr)")
        #expect(!run.stderr.contains("第 2 场"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test func overlapsAndRepeatedSubjectsAreReportedWithTheirRows() throws {
        let dir = try Tool.scratch()
        let roster = try PackFixtures.roster(4, in: dir, subject: { $0 == 0 ? "理论知识、操作技能" : "理论知识" })
        // Row 6 repeats row 3's person and subject; row 7 gives row 4's person a subject at the same time as their first.
        var lines = try String(contentsOfFile: roster, encoding: .utf8).split(separator: "\r\n").map(String.init)
        let second = lines[2].split(separator: ",").map(String.init), third = lines[3].split(separator: ",").map(String.init)
        lines.append(second.dropLast().joined(separator: ",") + ",理论知识")
        lines.append(third.dropLast().joined(separator: ",") + ",网络安全")
        try (lines.joined(separator: "\r\n") + "\r\n").write(toFile: roster, atomically: true, encoding: .utf8)
        let job = try PackFixtures.job("""
        inputs: {roster: 名单.csv}
        rooms:
        \(Self.oneRoom)
          - {site: 测试考点, site-code: "0901", name: 第02考场, type: 实操, seats: 30, columns: 5}
        \(Self.sessions)
          - {subject: 网络安全, code: "03", mode: 实操, start: 2026-06-20 10:00, end: "12:00"}
        ticket-number: "{exam.code}{session.code}{site.code:4}{room:2}{seat:2}"
        documents: [door-label]
        """, in: dir)
        let run = try PackFixtures.kaowu(["pack", job, "--out", dir + "/out"])
        #expect(run.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/out/report.json"))) as! [String: Any]
        let problems = report["problems"] as! [[String: Any]]
        let duplicate = try #require(problems.first { $0["code"] as? String == "roster.duplicate-id" })
        #expect(duplicate["row"] as? Int == 6 && (duplicate["message"] as! String).contains("第 3 行"))
        let overlap = try #require(problems.first { $0["code"] as? String == "seat.overlap" })
        #expect(overlap["row"] as? Int == 7 && (overlap["message"] as! String).contains("网络安全") && (overlap["message"] as! String).contains("理论知识"),
                "\(overlap)")
        let plan = try PackFixtures.plan(dir + "/out")
        #expect(plan.count == 5, "4 people, the first with two subjects; the repeat and the overlap are left out")
        let missing = try PackFixtures.sheet(dir + "/out/排考明细.xlsx", "未排考").dropFirst().map { $0[0] }
        #expect(missing == ["6", "7"])
    }

    @Test func numbersPerSessionRoomsOpenInSomeSessionsAndKeptRegistrations() throws {
        let dir = try Tool.scratch()
        _ = try PackFixtures.roster(10, in: dir, subject: { $0 < 4 ? "理论知识；操作技能" : ($0 < 7 ? "理论知识" : "操作技能") })
        let rooms = """
          - {site: 测试考点, site-code: "0901", name: 第01考场, type: 机考, seats: 30, columns: 5, sessions: ["01"]}
          - {site: 测试考点, site-code: "0901", name: 第02考场, type: 机考, seats: 30, columns: 5}
        """
        let job = try PackFixtures.job("""
        inputs: {roster: 名单.csv}
        rooms:
        \(rooms)
        \(Self.sessions)
        seating: {order: shuffle, seed: 5}
        ticket-number: {pattern: "{exam.code}{session.code}{room:2}{seat:2}", per: session}
        documents: [door-label]
        """, in: dir)
        #expect(try PackFixtures.kaowu(["pack", job, "--out", dir + "/a"]).status == 0)
        let first = try PackFixtures.plan(dir + "/a")
        #expect(first.count == 14)
        // One number per registration; the afternoon is not in 第01考场 (open in the morning only).
        #expect(Set(first.map { $0["准考证号"]! }).count == 14)
        #expect(first.allSatisfy { $0["场次代码"] == "01" ? $0["考场"] == "第01考场" : $0["考场"] == "第02考场" })
        #expect(first.allSatisfy { $0["准考证号"]!.hasPrefix("T1" + $0["场次代码"]!) })
        // --keep: the same roster re-sorted keeps every registration's room, seat and number.
        var lines = try String(contentsOfFile: dir + "/名单.csv", encoding: .utf8).split(separator: "\r\n").map(String.init)
        let header = lines.removeFirst()
        try ([header] + lines.reversed()).joined(separator: "\r\n").write(toFile: dir + "/名单.csv", atomically: true, encoding: .utf8)
        let run = try PackFixtures.kaowu(["pack", job, "--out", dir + "/b", "--keep", dir + "/a/排考明细.xlsx"])
        #expect(run.status == 0, "\(run.stderr)")
        let again = try PackFixtures.plan(dir + "/b")
        let before = Dictionary(uniqueKeysWithValues: first.map { ($0["证件号码"]! + $0["报考科目"]!, $0) })
        for row in again {
            let old = try #require(before[row["证件号码"]! + row["报考科目"]!])
            #expect(row["考场"] == old["考场"] && row["座位号"] == old["座位号"] && row["准考证号"] == old["准考证号"], "\(row)")
        }
        #expect(run.stdout.contains("保留原座位 14 个"))
    }

    @Test func numbersPerSessionGiveOneTicketPerRegistration() throws {
        let dir = try Tool.scratch()
        try PackFixtures.photos(for: [try PackFixtures.roster(6, in: dir, subject: { $0 < 2 ? "理论知识、操作技能" : "理论知识" })], in: dir)
        let job = try PackFixtures.job("""
          notices: [携带准考证和身份证件。]
        inputs: {roster: 名单.csv, photos: 照片.zip}
        rooms:
          - {site: 测试考点, site-code: "0901", site-address: 测试路1号, name: 第01考场, type: 机考, seats: 30, columns: 5, address: A座101}
        \(Self.sessions)
        ticket-number: {pattern: "{exam.code}{session.code}{room:2}{seat:2}", per: session}
        documents: [admission-ticket]
        ticket-per-candidate: true
        """, in: dir)
        let run = try PackFixtures.kaowu(["pack", job, "--out", dir + "/out"])
        #expect(run.status == 0, "\(run.stderr)")
        let plan = try PackFixtures.plan(dir + "/out")
        #expect(plan.count == 8)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/out/准考证").sorted()
        #expect(files == plan.map { $0["准考证号"]! + ".pdf" }.sorted())
        // Each ticket lists its own session only.
        for row in plan {
            let text = try Tool.run("pdftotext", ["-layout", dir + "/out/准考证/" + row["准考证号"]! + ".pdf", "-"]).output
            let other = row["报考科目"] == "理论知识" ? "操作技能" : "理论知识"
            #expect(text.contains(row["报考科目"]!) && !text.contains(other), "\(row["准考证号"]!)")
        }
    }

    @Test func aRoomsTableNamesTheSessionsARoomIsOpenIn() throws {
        let dir = try Tool.scratch()
        _ = try PackFixtures.roster(8, in: dir, subject: { $0 < 4 ? "理论知识" : "操作技能" })
        try Data("考点,考点代码,考场,考场类型,座位数,场次\r\n测试考点,0901,第01考场,机考,30,操作技能\r\n测试考点,0901,第02考场,机考,30,01、02\r\n".utf8)
            .write(to: URL(fileURLWithPath: dir + "/考场.csv"))
        let job = try PackFixtures.job("""
        inputs: {roster: 名单.csv}
        rooms: 考场.csv
        \(Self.sessions)
        ticket-number: "{exam.code}{session.code}{site.code:4}{room:2}{seat:2}"
        documents: [door-label]
        """, in: dir)
        #expect(try PackFixtures.kaowu(["pack", job, "--out", dir + "/out"]).status == 0)
        let plan = try PackFixtures.plan(dir + "/out")
        #expect(plan.count == 8 && plan.allSatisfy { $0["考场"] == ($0["场次代码"] == "01" ? "第02考场" : "第01考场") }, "\(plan)")
    }

    @Test func withoutSessionsAPersonOfSeveralRowsSitsOnce() throws {
        let dir = try Tool.scratch()
        try Data("姓名,证件号码,所属院校,报考科目\r\n张伟,110101199003071233,甲校,理论、实操\r\n李娜,11010519491231002X,乙校,理论\r\n李娜,11010519491231002X,乙校,实操\r\n".utf8)
            .write(to: URL(fileURLWithPath: dir + "/名单.csv"))
        let job = try PackFixtures.job("""
        inputs: {roster: 名单.csv}
        rooms: [{site: 测试考点, site-code: "01", name: 第01考场, type: 笔试, seats: 30}]
        documents: [door-label]
        """, in: dir)
        let run = try PackFixtures.kaowu(["pack", job, "--out", dir + "/out"])
        #expect(run.status == 0 && run.stdout.contains("考生 3 行：已排考 2 人，未排考 0 行"), "\(run.stdout)")
        #expect(try PackFixtures.plan(dir + "/out").count == 2)
    }

    @Test func aRoomNamingAnUnknownSessionIsAJobError() throws {
        let dir = try Tool.scratch()
        try PackFixtures.photos(for: [try PackFixtures.roster(3, in: dir)], in: dir)
        let job = try Self.job(rooms: "  - {site: 测试考点, site-code: \"0901\", name: 第01考场, type: 机考, seats: 30, sessions: [\"09\"]}", in: dir)
        let run = try PackFixtures.kaowu(["pack", job, "--out", dir + "/out"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("rooms.sessions") && run.stderr.contains("“09”") && run.stderr.contains("01、02"), "\(run.stderr)")
    }
}
