import Foundation
import Support
import Synthetic
import Testing
import TestTools

/// `kaowu pack` on a training course (a job with `course:`): the demo course's cards and daily sign-in
/// sheets read back with pdftotext and zbarimg, 排课明细.xlsx read back with kaowu's own reader, and the
/// classes' capacity, unknown 班级, determinism and job mistakes.
@Suite(.serialized) struct CoursePackTests {
    static let demoJob = PackFixtures.path("fixtures/demo/培训班.yaml")
    static let classes = ["培训师三级1班", "培训师三级2班"]

    /// The demo course's pack, made once for the suite.
    static let made: Result<(pack: String, stdout: String, status: Int32), Error> = Result {
        let dir = try Tool.scratch()
        let r = try PackFixtures.kaowu(["pack", demoJob, "--out", dir + "/pack"])
        return (dir + "/pack", r.stdout, r.status)
    }

    /// The 学员编班 sheet as dictionaries by column title.
    static func learners(_ pack: String) throws -> [[String: String]] {
        try rows(pack + "/排课明细.xlsx", "学员编班")
    }

    static func rows(_ workbook: String, _ sheet: String) throws -> [[String: String]] {
        let rows = try PackFixtures.sheet(workbook, sheet)
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { row in
            Dictionary(uniqueKeysWithValues: header.enumerated().map { ($0.element, $0.offset < row.count ? row[$0.offset] : "") })
        }
    }

    static func pdfText(_ path: String) throws -> String {
        try Tool.run("pdftotext", ["-layout", path, "-"]).output
    }

    /// A CSV roster of `count` invented learners (valid IDs) with a 工作单位 column and, when `classOf` is
    /// given, a 班级 column.
    static func roster(_ count: Int, in folder: String, classOf: ((Int) -> String)? = nil) throws -> String {
        var random = SeededRandom(seed: 13)
        var lines = ["姓名,证件号码,工作单位" + (classOf == nil ? "" : ",班级")]
        for k in 0..<count {
            let c = SyntheticCandidate.make(index: k, random: &random)
            lines.append("\(c.name),\(c.id),\(c.school)" + (classOf.map { "," + $0(k) } ?? ""))
        }
        let file = folder + "/学员.csv"
        try (lines.joined(separator: "\r\n") + "\r\n").write(toFile: file, atomically: true, encoding: .utf8)
        try PackFixtures.photos(for: [file], in: folder)
        return file
    }

    /// A course job in `folder` with two 30-seat classes (一班, 二班), three sessions over two days, and `extra`.
    static func job(in folder: String, extra: String = "", seating: String = "{order: roster}") throws -> String {
        let text = """
        course:
          title: 测试培训班
          code: "PX26"
          place: 培训中心
        inputs: {roster: 学员.csv, photos: 照片.zip}
        classes:
          - {name: 一班, seats: 30, place: 101 室, teacher: 王老师}
          - {name: 二班, seats: 30, place: 102 室, teacher: 李老师}
        sessions:
          - {date: 2026-07-06, start: "09:00", end: "12:00", topic: 需求分析, hours: 3}
          - {date: 2026-07-06, start: "13:30", end: "16:30", topic: 课程开发, hours: 3}
          - {date: 2026-07-07, start: "09:00", end: "11:30", topic: 授课技巧, hours: 2.5, classes: [二班]}
        seating: \(seating)
        \(extra)
        """
        let file = folder + "/培训班.yaml"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func theDemoCoursePacksEveryLearnerIntoAClassAndSaysWhereThePackIs() throws {
        let (pack, stdout, status) = try Self.made.get()
        #expect(status == 0, "\(stdout)")
        #expect(stdout.contains("学员 24 行：已编班 24 人，未编班 0 行"), "\(stdout)")
        #expect(stdout.contains("班级 2 个，课次 4 个"), "\(stdout)")
        #expect(stdout.contains("材料目录：\(pack)/"))
        #expect(FileManager.default.fileExists(atPath: pack + ".zip"))
        var onDisk: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: pack)
        while let relative = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: pack + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue { onDisk.append(relative) }
        }
        #expect(Set(onDisk) == ["manifest.json", "report.json", "校验报告.xlsx", "排课明细.xlsx",
                                "培训师三级1班/听课证.pdf", "培训师三级1班/签到表/2026-07-06.pdf", "培训师三级1班/签到表/2026-07-07.pdf",
                                "培训师三级2班/听课证.pdf", "培训师三级2班/签到表/2026-07-06.pdf", "培训师三级2班/签到表/2026-07-07.pdf"])
        // The manifest lists every other file with its hash; the zip holds them under UTF-8 names.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: pack + "/manifest.json"))) as! [String: Any]
        let listed = (manifest["files"] as! [[String: Any]]).map { $0["path"] as! String }
        #expect(Set(listed) == Set(onDisk).subtracting(["manifest.json"]))
        #expect((manifest["counts"] as! [String: Int])["enrolled"] == 24)
        let zipped = try Tool.run("zipinfo", ["-1", pack + ".zip"]).output.split(separator: "\n").map(String.init).filter { !$0.hasSuffix("/") }
        #expect(Set(zipped) == Set(onDisk.map { "pack/" + $0 }))
    }

    @Test func everyLearnerIsOnceOnTheirClassCardsAndOnEachSessionOfTheirClassDays() throws {
        let (pack, _, _) = try Self.made.get()
        let learners = try Self.learners(pack)
        #expect(learners.count == 24)
        #expect(Set(learners.map { $0["证件号码"]! }).count == 24)
        #expect(Set(learners.map { $0["听课证号"]! }).count == 24)
        // The demo roster has no 班级 column: the first class is filled (15 seats), then the second.
        let byClass = Dictionary(grouping: learners, by: { $0["班级"]! })
        #expect(byClass["培训师三级1班"]?.count == 15 && byClass["培训师三级2班"]?.count == 9)
        // Sessions per class day: everyone 2 on 07-06; on 07-07 the first class 1, the second 2 (微课制作实训 is its own).
        let sessions = ["培训师三级1班": ["2026-07-06": 2, "2026-07-07": 1], "培训师三级2班": ["2026-07-06": 2, "2026-07-07": 2]]
        for (k, name) in Self.classes.enumerated() {
            let cards = try Self.pdfText(pack + "/\(name)/听课证.pdf")
            let other = try Self.pdfText(pack + "/\(Self.classes[1 - k])/听课证.pdf")
            for learner in byClass[name] ?? [] {
                let number = learner["听课证号"]!
                #expect(number.hasPrefix("PX26070\(k + 1)"), "\(number)")
                #expect(PackFixtures.count(number, in: cards) == 1, "\(name) card \(number)")
                #expect(PackFixtures.count(number, in: other) == 0, "\(number) on the other class's cards")
                #expect(PackFixtures.count("姓名：" + learner["姓名"]!, in: cards) == 1, "\(learner["姓名"]!)")
                for (day, count) in sessions[name]! {
                    let sheet = try Self.pdfText(pack + "/\(name)/签到表/\(day).pdf")
                    #expect(PackFixtures.count(number, in: sheet) == count, "\(name) \(day) \(number)")
                }
            }
            // Nobody else: every card number printed on the class's cards is one of its learners'.
            let printed = Set(cards.matches(of: /PX\d{9}/).map { String($0.output) })
            #expect(printed == Set((byClass[name] ?? []).map { $0["听课证号"]! }))
        }
    }

    @Test func eachCardsQRCodeIsItsCardNumber() throws {
        let (pack, _, _) = try Self.made.get()
        let learners = try Self.learners(pack)
        let dir = try Tool.scratch()
        for name in Self.classes {
            _ = try Tool.run("pdftoppm", ["-r", "150", "-png", pack + "/\(name)/听课证.pdf", dir + "/\(name)"])
            let pages = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(name) }.sorted()
            #expect(!pages.isEmpty)
            var decoded: [String] = []
            for page in pages {
                let output = try Tool.zbarimgQR(["--raw", "-q", dir + "/" + page]).output
                decoded += output.split(separator: "\n").map(String.init)
            }
            let numbers = learners.filter { $0["班级"] == name }.map { $0["听课证号"]! }
            #expect(decoded.sorted() == numbers.sorted(), "\(name)")
        }
    }

    @Test func hoursAddUpPerClassInTheScheduleAndOnTheSheets() throws {
        let (pack, _, _) = try Self.made.get()
        let schedule = try Self.rows(pack + "/排课明细.xlsx", "课程安排")
        for (name, total, sessions) in [("培训师三级1班", "8.5", 3), ("培训师三级2班", "10.5", 4)] {
            let rows = schedule.filter { $0["班级"] == name && $0["日期"] != "合计" }
            #expect(rows.count == sessions, "\(name)")
            let sum = rows.reduce(0.0) { $0 + Double($1["学时"]!)! }
            let totalRow = try #require(schedule.first { $0["班级"] == name && $0["日期"] == "合计" })
            #expect(totalRow["学时"] == total && Double(total) == sum, "\(name): \(totalRow)")
            #expect(rows.allSatisfy { $0["人数"] == (name == "培训师三级1班" ? "15" : "9") })
        }
        let day = try Self.pdfText(pack + "/培训师三级2班/签到表/2026-07-07.pdf")
        for text in ["课程：授课技巧", "学时：2.5", "课程：微课制作实训", "讲师：张老师", "讲师：李老师", "本班当日共 4.5 学时、全程共 10.5 学时", "应到 9 人"] {
            #expect(day.contains(text), "\(text)")
        }
        let first = try Self.pdfText(pack + "/培训师三级1班/签到表/2026-07-06.pdf")
        #expect(first.contains("本班当日共 6 学时、全程共 8.5 学时") && first.contains("应到 15 人") && first.contains("讲师：王老师"))
        #expect(!first.contains("微课制作实训"))
    }

    @Test func everyFontIsEmbeddedAndTheCardsCarryTheCourseDates() throws {
        let (pack, _, _) = try Self.made.get()
        for file in ["培训师三级1班/听课证.pdf", "培训师三级2班/签到表/2026-07-07.pdf"] {
            let fonts = try Tool.run("pdffonts", [pack + "/" + file]).output.split(separator: "\n").dropFirst(2)
            #expect(!fonts.isEmpty, "\(file)")
            for line in fonts { #expect(line.contains(" yes yes "), "\(file): \(line)") }
            #expect(try Tool.run("qpdf", ["--check", pack + "/" + file]).status == 0, "\(file)")
        }
        let cards = try Self.pdfText(pack + "/培训师三级1班/听课证.pdf")
        #expect(cards.contains("2026-07-06 至 07-07") && cards.contains("上海市培训协会培训中心"))
    }

    @Test func aClassTheRosterOverfillsIsRefusedNamingItAndHowManyAreOver() throws {
        let dir = try Tool.scratch()
        _ = try Self.roster(36, in: dir, classOf: { $0 < 33 ? "一班" : "二班" })
        let job = try Self.job(in: dir)
        let r = try PackFixtures.kaowu(["pack", job, "--out", dir + "/out"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("班级“一班”超员 3 人：名单中该班 33 人，座位 30 个"), "\(r.stderr)")
        #expect(!r.stderr.contains("二班"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out") && !FileManager.default.fileExists(atPath: dir + "/out.zip"))
        let en = try PackFixtures.kaowu(["pack", job, "--out", dir + "/out", "--lang", "en"])
        #expect(en.status == 1 && en.stderr.contains("class \"一班\" is 3 over"), "\(en.stderr)")
    }

    @Test func learnersWithoutAClassBeyondTheFreeSeatsAreRefused() throws {
        let dir = try Tool.scratch()
        _ = try Self.roster(62, in: dir)
        let r = try PackFixtures.kaowu(["pack", try Self.job(in: dir), "--out", dir + "/out"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("座位不足：还差 2 个座位（未指定班级的学员 62 人，各班空座 60 个）"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test func anUnknownClassIsReportedWithItsRowAndTheOthersArePacked() throws {
        let dir = try Tool.scratch()
        _ = try Self.roster(10, in: dir, classOf: { k in k == 4 ? "三班" : k == 7 ? "" : (k % 2 == 0 ? "一班" : "二班") })
        let r = try PackFixtures.kaowu(["pack", try Self.job(in: dir), "--out", dir + "/out"])
        #expect(r.status == 1, "\(r.stderr)")
        // Roster row 6 (header = row 1) names 三班.
        #expect(r.stdout.contains("第 6 行") && r.stdout.contains("班级“三班”不是本培训班的班级（一班、二班）"), "\(r.stdout)")
        #expect(r.stdout.contains("学员 10 行：已编班 9 人，未编班 1 行"), "\(r.stdout)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/out/report.json"))) as! [String: Any]
        let problems = report["problems"] as! [[String: Any]]
        let unknown = try #require(problems.first { $0["code"] as? String == "class.unknown" })
        #expect(unknown["row"] as? Int == 6 && unknown["column"] as? String == "D" && unknown["value"] as? String == "三班")
        #expect(report["valid"] as? Int == 9)
        let missing = try Self.rows(dir + "/out/排课明细.xlsx", "未编班")
        #expect(missing.map { $0["名单行号"]! } == ["6"])
        // The others are in the class their row names; the row with a blank 班级 fills a free seat of the first class.
        let learners = try Self.learners(dir + "/out")
        #expect(learners.count == 9)
        #expect(learners.filter { $0["班级"] == "一班" }.map { $0["名单行号"]! } == ["2", "4", "8", "10", "9"])
        #expect(learners.filter { $0["班级"] == "二班" }.map { $0["名单行号"]! } == ["3", "5", "7", "11"])
    }

    @Test func twoRunsWithTheSameSeedAreByteIdentical() throws {
        let dir = try Tool.scratch()
        _ = try Self.roster(40, in: dir)
        let job = try Self.job(in: dir, seating: "{order: shuffle, seed: 20260706}")
        let first = try PackFixtures.kaowu(["pack", job, "--out", dir + "/a/pack"])
        let second = try PackFixtures.kaowu(["pack", job, "--out", dir + "/b/pack", "--threads", "1"])
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/a/pack.zip"))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/b/pack.zip"))
        #expect(a == b)
        // Shuffled: not the roster's order, and another seed gives another order.
        let shuffled = try Self.learners(dir + "/a/pack").map { $0["名单行号"]! }
        #expect(shuffled != (2...41).map(String.init))
        let other = try Self.job(in: dir, seating: "{order: shuffle, seed: 1}")
        #expect(try PackFixtures.kaowu(["pack", other, "--out", dir + "/c/pack"]).status == 0)
        #expect(try Self.learners(dir + "/c/pack").map { $0["名单行号"]! } != shuffled)
    }

    @Test func cardNumbersWithoutAClassCountOverTheWholeCourse() throws {
        let dir = try Tool.scratch()
        _ = try Self.roster(35, in: dir)
        let job = try Self.job(in: dir, extra: "card-number: \"T{seq:4}\"")
        let r = try PackFixtures.kaowu(["pack", job, "--out", dir + "/out"])
        #expect(r.status == 0, "\(r.stderr)")
        let numbers = try Self.learners(dir + "/out").map { $0["听课证号"]! }
        #expect(numbers == (1...35).map { String(format: "T%04d", $0) })
    }

    @Test func mistakesInACourseJobAreNamedWithLineAndKey() throws {
        let dir = try Tool.scratch()
        _ = try Self.roster(3, in: dir)
        let file = dir + "/错.yaml"
        try """
        course: {title: 测试培训班, code: "PX"}
        inputs: {roster: 学员.csv, photos: 照片.zip}
        classes:
          - {name: 一班, seats: 30}
          - {name: 一班, seats: 20}
        sessions:
          - {date: 2026-07-06, start: "09:00", end: "12:00", topic: 甲, hours: 3}
          - {date: 2026-07-06, start: "11:00", end: "12:30", topic: 乙, hours: 1.5}
          - {date: 2026-02-30, start: "09:00", end: "10:00", topic: 丙, hours: 0}
          - {date: 2026-07-08, start: "09:00", end: "10:00", topic: 丁, hours: 1, classes: [三班]}
        card-number: "{course.code}{seat:3}"
        documents: [attendance-card, door-label]
        rooms: []
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let r = try PackFixtures.kaowu(["pack", file])
        #expect(r.status == 2)
        for expected in ["错.yaml:5: classes[2].name: 班级“一班”重复", "错.yaml:9: sessions[3].date:", "错.yaml:10: sessions[4].classes: 没有班级“三班”",
                         "错.yaml:11: card-number:", "错.yaml:12: documents: 培训班没有文书“door-label”", "错.yaml:13: rooms: 未知的键"] {
            #expect(r.stderr.contains(expected), "\(expected)\n\(r.stderr)")
        }
        // Once the classes are right, overlapping sessions of a class are named with both lines.
        try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "  - {name: 一班, seats: 20}\n", with: "")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let again = try PackFixtures.kaowu(["pack", file])
        #expect(again.status == 2)
        #expect(again.stderr.contains("sessions[2]: 一班的课次 2026-07-06 11:00–12:30 与第 6 行的 2026-07-06 09:00–12:00 时间重叠"), "\(again.stderr)")
    }

    @Test func aTemplateFieldNoClassOrJobSuppliesStopsThePackNamingWhereToGiveIt() throws {
        let dir = try Tool.scratch()
        _ = try Self.roster(5, in: dir)
        let card = try String(contentsOfFile: PackFixtures.templates + "/attendance-card.yaml", encoding: .utf8)
            .replacingOccurrences(of: "地点：{{course.place}}", with: "地点：{{class.place}}")
        try card.write(toFile: dir + "/我的听课证.yaml", atomically: true, encoding: .utf8)
        let job = try Self.job(in: dir, extra: "templates: {attendance-card: 我的听课证.yaml}")
        try String(contentsOfFile: job, encoding: .utf8).replacingOccurrences(of: ", place: 102 室", with: "")
            .write(toFile: job, atomically: true, encoding: .utf8)
        let r = try PackFixtures.kaowu(["pack", job, "--out", dir + "/out"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("我的听课证.yaml") && r.stderr.contains("{{class.place}}：任务文件 classes 中每个班级的 place"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }
}
