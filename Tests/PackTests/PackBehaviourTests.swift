import Foundation
import Testing
import TestTools

/// `kaowu pack` on small jobs written by each test: --keep, shortfalls, interruption, school separation.
@Suite struct PackBehaviourTests {
    static let rooms = """
    rooms:
      - {site: 测试考点, site-code: "0901", name: 第01考场, type: 机考, seats: 30, columns: 5}
      - {site: 测试考点, site-code: "0901", name: 第02考场, type: 机考, seats: 30, columns: 5}
    """

    /// A job on `roster` and the photo archive 照片.zip beside it (`PackFixtures.photos`).
    static func body(roster: String, order: String = "shuffle", extra: String = "") -> String {
        """
        inputs:
          roster: \(roster)
          photos: 照片.zip
        \(rooms)
        seating: {order: \(order), seed: 42, numbering: snake}
        documents: [desk-label, sign-in-sheet]
        \(extra)
        """
    }

    @Test func keepLeavesEveryExistingSeatAndNumberAndSeatsOnlyNewcomers() throws {
        let dir = try Tool.scratch()
        _ = try PackFixtures.roster(40, in: dir, name: "first.csv")
        _ = try PackFixtures.roster(15, in: dir, name: "new.csv", first: 40)
        try PackFixtures.photos(for: [dir + "/first.csv", dir + "/new.csv"], in: dir)
        let first = try PackFixtures.job(Self.body(roster: "first.csv"), in: dir, name: "first.yaml")
        #expect(try PackFixtures.kaowu(["pack", first, "--out", dir + "/a"]).status == 0)
        let before = try PackFixtures.plan(dir + "/a")
        #expect(before.count == 40)

        // 55 candidates: the first 40 again (in another order: the roster was re-sorted) and 15 new ones.
        var lines = try String(contentsOfFile: dir + "/first.csv", encoding: .utf8).split(separator: "\r\n").map(String.init)
        let header = lines.removeFirst()
        let newcomers = try String(contentsOfFile: dir + "/new.csv", encoding: .utf8).split(separator: "\r\n").dropFirst().map(String.init)
        try ([header] + newcomers + lines.reversed()).joined(separator: "\r\n").write(toFile: dir + "/second.csv", atomically: true, encoding: .utf8)
        let second = try PackFixtures.job(Self.body(roster: "second.csv"), in: dir, name: "second.yaml")
        let run = try PackFixtures.kaowu(["pack", second, "--out", dir + "/b", "--keep", dir + "/a/排考明细.xlsx"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("保留原座位 40 个"), "\(run.stdout)")
        let after = try PackFixtures.plan(dir + "/b")
        #expect(after.count == 55)
        let byID = Dictionary(uniqueKeysWithValues: after.map { ($0["证件号码"]!, $0) })
        for old in before {
            let now = try #require(byID[old["证件号码"]!])
            #expect(now["考场"] == old["考场"] && now["座位号"] == old["座位号"] && now["准考证号"] == old["准考证号"], "\(old["姓名"]!)")
        }
        #expect(Set(after.map { $0["考场"]! + "#" + $0["座位号"]! }).count == 55)
        #expect(Set(after.map { $0["准考证号"]! }).count == 55)

        // Without --keep the same roster gives other seats (the order changed): the test above is not vacuous.
        #expect(try PackFixtures.kaowu(["pack", second, "--out", dir + "/c"]).status == 0)
        let fresh = Dictionary(uniqueKeysWithValues: try PackFixtures.plan(dir + "/c").map { ($0["证件号码"]!, $0["准考证号"]!) })
        #expect(before.contains { fresh[$0["证件号码"]!] != $0["准考证号"] })
    }

    @Test func notEnoughSeatsFailsWithTheExactCountPerModeAndWritesNothing() throws {
        let dir = try Tool.scratch()
        _ = try PackFixtures.roster(75, in: dir, subject: { $0 < 67 ? "理论知识" : "实操技能" })
        let job = try PackFixtures.job("""
        inputs: {roster: 名单.csv}
        rooms:
          - {site: 测试考点, site-code: "0901", name: 第01考场, type: 机考, seats: 30}
          - {site: 测试考点, site-code: "0901", name: 第02考场, type: 机考, seats: 30}
          - {site: 测试考点, site-code: "0901", name: 第03考场, type: 实操, seats: 5}
        sessions:
          - {subject: 理论知识, mode: 机考, start: 2026-06-20 09:00, end: "11:00"}
          - {subject: 实操技能, mode: 实操, start: 2026-06-20 14:00, end: "16:00"}
        documents: [door-label]
        """, in: dir)
        let run = try PackFixtures.kaowu(["pack", job, "--out", dir + "/out"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("第 1 场“理论知识”（06-20 09:00–11:00）机考考场座位不足：还差 7 个座位（本场考生 67 人，可用机考座位 60 个）"), "\(run.stderr)")
        #expect(run.stderr.contains("第 2 场“实操技能”（06-20 14:00–16:00）实操考场座位不足：还差 3 个座位"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.zip"))
    }

    @Test func anInterruptedRunLeavesNoFinishedLookingPack() throws {
        let dir = try Tool.scratch()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PackFixtures.path(".build/debug/kaowu"))
        process.arguments = ["pack", PackFixtures.demoJob, "--out", dir + "/pack", "--threads", "1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once it has started writing PDFs.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let found = FileManager.default.enumerator(atPath: dir + "/.pack.kaowu-unfinished")?.allObjects as? [String],
               found.contains(where: { $0.hasSuffix(".pdf") }) { break }
            usleep(5_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(!FileManager.default.fileExists(atPath: dir + "/pack"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/pack.zip"))
        #expect(FileManager.default.fileExists(atPath: dir + "/.pack.kaowu-unfinished"))
        // The next run starts afresh and finishes.
        let again = try PackFixtures.kaowu(["pack", PackFixtures.demoJob, "--out", dir + "/pack"])
        #expect(again.status == 1)
        #expect(FileManager.default.fileExists(atPath: dir + "/pack/manifest.json"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/.pack.kaowu-unfinished"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["pack", "pack.zip"], "nothing left behind")
    }

    @Test func oneSchoolTooManyIsSeatedAndEveryUnavoidableNeighbourIsReported() throws {
        let dir = try Tool.scratch()
        // 20 of 25 from one school in a 5×5 room: they cannot all be kept apart.
        _ = try PackFixtures.roster(25, in: dir, school: { $0 < 20 ? "甲学院" : "乙学院\($0)" })
        let job = try PackFixtures.job("""
        inputs: {roster: 名单.csv}
        rooms:
          - {site: 测试考点, site-code: "0901", name: 第01考场, type: 笔试, seats: 25, columns: 5}
        seating: {order: roster, numbering: rows}
        documents: [door-label]
        """, in: dir)
        let run = try PackFixtures.kaowu(["pack", job, "--out", dir + "/out"])
        #expect(run.status == 0, "warnings only: \(run.stderr)")
        let plan = try PackFixtures.plan(dir + "/out")
        let school = Dictionary(uniqueKeysWithValues: plan.map { (Int($0["座位号"]!)!, $0["所属院校"]!) })
        var pairs = 0
        for seat in 1...25 {
            if seat % 5 != 0, school[seat] == school[seat + 1] { pairs += 1 }
            if seat + 5 <= 25, school[seat] == school[seat + 5] { pairs += 1 }
        }
        let reported = try PackFixtures.sheet(dir + "/out/排考明细.xlsx", "同校相邻").count - 1
        #expect(pairs > 0)
        #expect(reported == pairs)
        #expect(run.stdout.contains("同校相邻 \(pairs) 处"))
        // A 5×5 room has 40 neighbour pairs; the five others can break at most 4 each, so 20 is the best
        // possible: the planner must come close to it (not, say, seat the five together in a corner).
        #expect(pairs >= 20)
        #expect(pairs <= 24)
    }

    @Test func roomsComeFromATableWrittenByAnotherProgram() throws {
        let dir = try Tool.scratch()
        _ = try PackFixtures.roster(70, in: dir, subject: { $0 % 2 == 0 ? "理论知识" : "实操技能" })
        // The practical subject in 实操 rooms (24 seats for 35), then in 笔试 rooms (40 seats).
        func job(practicalMode: String, name: String) throws -> String {
            try PackFixtures.job("""
            inputs: {roster: 名单.csv}
            rooms: \(PackFixtures.path("fixtures/pack/考场.xlsx"))
            sessions:
              - {subject: 理论知识, code: "1", mode: 机考, start: 2026-06-20 09:00, end: "11:00"}
              - {subject: 实操技能, code: "2", mode: \(practicalMode), start: 2026-06-20 14:00, end: "16:00"}
            ticket-number: "{exam.code}{site.code:4}{session.code}{room:2}{seat:2}"
            documents: [door-label]
            """, in: dir, name: name)
        }
        let run = try PackFixtures.kaowu(["pack", try job(practicalMode: "实操", name: "a.yaml"), "--out", dir + "/out"])
        #expect(run.status == 1, "24 practical seats for 35: \(run.stderr)")
        #expect(run.stderr.contains("实操考场座位不足：还差 11 个座位"))
        let fits = try job(practicalMode: "笔试", name: "b.yaml")
        #expect(try PackFixtures.kaowu(["pack", fits, "--out", dir + "/out"]).status == 0)
        let plan = try PackFixtures.plan(dir + "/out")
        #expect(plan.count == 70)
        let written = plan.filter { $0["考试方式"] == "笔试" }
        #expect(written.count == 35)
        #expect(written.allSatisfy { $0["考点"] == "杭州职业技术学院考点" && $0["准考证号"]!.hasPrefix("T1030120") })
        let doors = try PackFixtures.paths(of: "门贴.pdf", under: dir + "/out/北京电子科技职业学院考点/第02考场")
        #expect(doors.count == 1, "one session in the room: \(doors)")
        let door = try Tool.run("pdftotext", [try #require(doors.first), "-"]).output
        #expect(door.contains("北京电子科技职业学院考点"))
    }
}

/// The command line around a pack: job-file errors, progress lines, own templates, English messages.
@Suite struct PackCommandLineTests {
    @Test func aWrongJobFileExitsTwoNamingFileLineAndKey() throws {
        let dir = try Tool.scratch()
        let job = try PackFixtures.job("""
        inputs: {roster: 名单.csv}
        rooms:
          - {site: 测试考点, name: 第01考场, type: 笔试, seats: 30, colums: 5}
        """, in: dir)
        let run = try PackFixtures.kaowu(["pack", job])
        #expect(run.status == 2)
        #expect(run.stderr.contains("exam.yaml:7: rooms[1].colums: 未知的键"), "\(run.stderr)")
        let english = try PackFixtures.kaowu(["pack", job, "--lang", "en"])
        #expect(english.stderr.contains("exam.yaml:7: rooms[1].colums: unknown key"), "\(english.stderr)")
    }

    @Test func progressGoesToStandardErrorAndAnOwnTemplateIsUsed() throws {
        let dir = try Tool.scratch()
        _ = try PackFixtures.roster(8, in: dir)
        try """
        name: 自制门贴
        page: {size: A4, orientation: landscape}
        elements:
          - {type: text, text: "本校自制门贴 {{room.name}} {{room.count}} 人", box: [20, 20, 250, 20], size: 20}
        """.write(toFile: dir + "/门贴.yaml", atomically: true, encoding: .utf8)
        let job = try PackFixtures.job("""
        inputs: {roster: 名单.csv}
        rooms: [{site: 测试考点, site-code: "01", name: 第01考场, type: 笔试, seats: 30}]
        documents: [door-label]
        templates: {door-label: 门贴.yaml}
        output: 材料
        """, in: dir)
        let run = try PackFixtures.kaowu(["pack", job])
        #expect(run.status == 0, "\(run.stderr)")
        for stage in ["校验名单和照片…", "排考…", "生成 PDF…", "写排考明细和报告…", "压缩…"] { #expect(run.stderr.contains(stage), "\(stage)") }
        #expect(run.stdout.contains("材料目录：\(dir)/材料/"))
        let door = try Tool.run("pdftotext", [dir + "/材料/测试考点/第01考场/门贴.pdf", "-"]).output
        #expect(door.contains("本校自制门贴 第01考场 8 人"))
    }

    @Test func datesComeFromTheJobOrSourceDateEpochWhateverTheTimeZone() throws {
        let dir = try Tool.scratch()
        try PackFixtures.photos(for: [try PackFixtures.roster(5, in: dir)], in: dir)
        let job = try PackFixtures.job("""
        inputs: {roster: 名单.csv, photos: 照片.zip}
        rooms: [{site: 测试考点, site-code: "01", name: 第01考场, type: 笔试, seats: 30}]
        documents: [door-label, desk-label]
        """, in: dir)
        #expect(try PackFixtures.kaowu(["pack", job, "--out", dir + "/utc/p"], environment: ["TZ": "UTC"]).status == 0)
        #expect(try PackFixtures.kaowu(["pack", job, "--out", dir + "/ny/p"], environment: ["TZ": "America/New_York"]).status == 0)
        let utc = try Data(contentsOf: URL(fileURLWithPath: dir + "/utc/p.zip"))
        #expect(utc == (try Data(contentsOf: URL(fileURLWithPath: dir + "/ny/p.zip"))))
        let info = try Tool.run("pdfinfo", ["-isodates", dir + "/utc/p/测试考点/第01考场/门贴.pdf"]).output
        #expect(info.contains("2026-06-20T00:00:00+08"), "\(info)")
        #expect(try Tool.run("zipinfo", ["-T", dir + "/utc/p.zip"]).output.contains("20260620.000000"))
        // SOURCE_DATE_EPOCH wins (2023-11-14 22:13:20 UTC).
        #expect(try PackFixtures.kaowu(["pack", job, "--out", dir + "/sde/p"], environment: ["SOURCE_DATE_EPOCH": "1700000000"]).status == 0)
        let stamped = try Tool.run("pdfinfo", ["-isodates", dir + "/sde/p/测试考点/第01考场/门贴.pdf"]).output
        #expect(stamped.contains("2023-11-14T22:13:20"), "\(stamped)")
        #expect(try Tool.run("zipinfo", ["-T", dir + "/sde/p.zip"]).output.contains("20231114.221320"))
    }
}
