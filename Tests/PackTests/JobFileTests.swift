import Documents
import Foundation
import Testing
import TestTools
@testable import Pack

/// Job files: every mistake names the file, line and key; nothing is written.
@Suite struct JobFileTests {
    func load(_ body: String) throws -> Job {
        let dir = try Tool.scratch()
        _ = try PackFixtures.roster(3, in: dir)
        let file = try PackFixtures.job(body, in: dir)
        return try JobLoader(builtInTemplate: { PackFixtures.templates + "/\($0).yaml" }).load(path: file)
    }

    func failure(_ body: String) throws -> JobError {
        do {
            _ = try load(body)
        } catch let error as JobError {
            return error
        }
        Issue.record("no error for:\n\(body)")
        throw CancellationError()
    }

    static let room = "rooms: [{site: 考点, site-code: \"01\", name: 第01考场, type: 笔试, seats: 30}]"

    @Test func aCompleteJobLoads() throws {
        let job = try load("""
        inputs: {roster: 名单.csv}
        \(Self.room)
        sessions: [{subject: 理论知识, code: "1", mode: 笔试, start: 2026-06-20 09:00, end: "11:00"}]
        seating: {order: sorted, numbering: rows, separate-schools: false}
        """)
        #expect(job.rooms.count == 1)
        #expect(job.rooms[0].room.columns == 5)
        #expect(job.rooms[0].room.number == 1)
        #expect(job.sessions[0].end == "2026-06-20 11:00")
        #expect(job.policy.order == .sorted)
        #expect(job.policy.separateSchools == false)
        #expect(job.documents == PaperKind.examPack)
        let twice = try load("""
        inputs: {roster: 名单.csv}
        \(Self.room)
        documents: [桌贴, desk-label, door-label]
        """)
        #expect(twice.documents == [.deskLabel, .doorLabel], "a document named twice (or by its file name) is made once")
        #expect(job.roster.hasSuffix("/名单.csv"))
    }

    @Test func photoBackgroundsAreNamedInEitherLanguageAndAnyCase() throws {
        for (name, colour) in [("Red", "red"), ("红底", "red"), ("蓝色", "blue"), ("BLUE", "blue"), ("白", "white"), ("White", "white")] {
            let job = try load("""
            inputs: {roster: 名单.csv}
            \(Self.room)
            photo: {background: \(name)}
            """)
            #expect(job.photo.requiredBackground?.rawValue == colour, "\(name)")
        }
    }

    @Test func unknownKeysNameTheirLine() throws {
        let e = try failure("""
        inputs: {roster: 名单.csv}
        \(Self.room)
        seatting: {order: sorted}
        """)
        #expect(e.line == 7)
        #expect(e.key == "seatting")
        #expect(e.message(.zh).contains("exam.yaml:7: seatting: 未知的键"))
    }

    @Test func everyMistakeInTheFileIsReportedNotOnlyTheFirst() throws {
        let e = try failure("""
        inputs: {roster: 名单.csv, foto: 照片.zip}
        rooms:
          - {site: 考点, name: 第01考场, type: 教室, seats: 30}
          - {site: 考点, name: 第02考场, type: 笔试, seats: 三十}
        sessions: [{subject: 理论知识, mode: 笔试, start: 2026-06-20 25:00, end: "11:00"}]
        seatting: {order: sorted}
        photo: {background: 紫}
        """)
        let all = [e] + e.more
        #expect(all.map(\.key) == ["inputs.foto", "rooms[1].type", "rooms[2].seats", "sessions[1].start", "seatting", "photo.background"], "\(all.map(\.key))")
        #expect(all.map(\.line) == [5, 7, 8, 9, 10, 11])
        let lines = e.message(.zh).split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.allSatisfy { $0.hasPrefix(e.file + ":") })
    }

    @Test func aMissingRoomsTableOrADeviceAsTemplateIsNamedForWhatItIs() throws {
        let rooms = try failure("""
        inputs: {roster: 名单.csv}
        rooms: 考场.xlsx
        """)
        #expect(rooms.key == "rooms" && rooms.file.hasSuffix("考场.xlsx"))
        #expect(rooms.message(.zh).contains("考场表无法读取：找不到这个文件"), "\(rooms.message(.zh))")
        #expect(rooms.message(.en).contains("cannot read the rooms table: no such file"))
        let dir = try Tool.scratch()
        _ = try PackFixtures.roster(3, in: dir)
        let job = try PackFixtures.job("""
        inputs: {roster: 名单.csv}
        \(Self.room)
        templates: {door-label: /dev/zero}
        """, in: dir)
        let run = try PackFixtures.kaowu(["pack", job, "--out", dir + "/pack"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("/dev/zero: not a template file (a folder or a device)"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["exam.yaml", "名单.csv"], "nothing written")
    }

    @Test func aRepeatedKeyIsRefusedNamingBothLines() throws {
        let e = try failure("""
        inputs: {roster: 名单.csv}
        \(Self.room)
        exam:
          title: 第二个标题
        """)
        #expect(e.key == "exam" && e.line == 7)
        #expect(e.message(.zh).contains("第 1 行已经写过 exam"), "\(e.message(.zh))")
        #expect(e.message(.en).contains("already given on line 1"))
        let inner = try failure("""
        inputs: {roster: 名单.csv, roster: 另一个.csv}
        \(Self.room)
        """)
        #expect(inner.key == "inputs.roster" && inner.line == 5)
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "0000-01-01", "2026-00-10", "1970-01-01", "2026-6-1"])
    func examDatesMustBeRealDates(date: String) throws {
        let dir = try Tool.scratch()
        _ = try PackFixtures.roster(3, in: dir)
        let text = """
        exam: {title: 测试, code: T1, date: "\(date)"}
        inputs: {roster: 名单.csv}
        \(Self.room)
        """
        try text.write(toFile: dir + "/exam.yaml", atomically: true, encoding: .utf8)
        do {
            _ = try JobLoader(builtInTemplate: { PackFixtures.templates + "/\($0).yaml" }).load(path: dir + "/exam.yaml")
            Issue.record("\(date) accepted")
        } catch let error as JobError {
            #expect(error.key == "exam.date" && error.line == 1)
            #expect(error.message(.zh).contains("不是 1980–2099 年间的真实日期"))
        }
    }

    @Test func timesMustBeRealAndTheWrongOneIsBlamed() throws {
        for (start, end, key) in [("2026-06-20 25:00", "11:00", "sessions[1].start"), ("2026-06-20 09:60", "11:00", "sessions[1].start"),
                                  ("2026-06-20 09:00", "24:00", "sessions[1].end"), ("2026-02-30 09:00", "11:00", "sessions[1].start")] {
            let e = try failure("""
            inputs: {roster: 名单.csv}
            \(Self.room)
            sessions: [{subject: 理论知识, mode: 笔试, start: \(start), end: "\(end)"}]
            """)
            #expect(e.key == key, "\(start)–\(end): \(e.key)")
        }
    }

    @Test func aTicketNumberTooLongForAFileNameIsRefusedAtLoad() throws {
        let e = try failure("""
        inputs: {roster: 名单.csv}
        \(Self.room)
        ticket-per-candidate: true
        ticket-number: "\(String(repeating: "2026年上半年职业技能等级证书考试", count: 5)){seat:2}"
        """)
        #expect(e.key == "ticket-number")
        #expect(e.message(.zh).contains("最多 80 个字符"))
        // Without one file per candidate the same number is fine.
        _ = try load("""
        inputs: {roster: 名单.csv}
        \(Self.room)
        ticket-number: "\(String(repeating: "2026年上半年职业技能等级证书考试", count: 5)){seat:2}"
        """)
    }

    @Test func wrongValuesNameKeyAndLine() throws {
        let type = try failure("""
        inputs: {roster: 名单.csv}
        rooms:
          - {site: 考点, name: 第01考场, type: 教室, seats: 30}
        """)
        #expect(type.key == "rooms[1].type")
        #expect(type.line == 7)
        let seats = try failure("""
        inputs: {roster: 名单.csv}
        rooms:
          - {site: 考点, name: 第01考场, type: 笔试, seats: 三十}
        """)
        #expect(seats.key == "rooms[1].seats")
        let time = try failure("""
        inputs: {roster: 名单.csv}
        \(Self.room)
        sessions: [{subject: 理论知识, mode: 笔试, start: 2026-06-20 09:00, end: "08:00"}]
        """)
        #expect(time.key == "sessions[1].end")
        let seed = try failure("""
        inputs: {roster: 名单.csv}
        \(Self.room)
        seating: {order: shuffle}
        """)
        #expect(seed.key == "seating.seed")
        let pattern = try failure("""
        inputs: {roster: 名单.csv}
        \(Self.room)
        ticket-number: "{exam.code}{seat}"
        """)
        #expect(pattern.key == "ticket-number")
        #expect(pattern.line == 7)
        let mode = try failure("""
        inputs: {roster: 名单.csv}
        \(Self.room)
        sessions: [{subject: 理论知识, mode: 机考, start: 2026-06-20 09:00, end: "11:00"}]
        """)
        #expect(mode.message(.zh).contains("没有机考考场"))
        let missing = try failure("""
        \(Self.room)
        """)
        #expect(missing.key == "inputs")
    }

    @Test func roomsThatWouldShareAFolderAreRefused() throws {
        let e = try failure("""
        inputs: {roster: 名单.csv}
        rooms:
          - {site: 考点, name: "第1/2考场", type: 笔试, seats: 30}
          - {site: 考点, name: "第1_2考场", type: 笔试, seats: 30}
        """)
        #expect(e.text.zh.contains("文件夹名相同"))
    }

    @Test func aBadRoomsTableNamesRowAndColumn() throws {
        let e = try failure("""
        inputs: {roster: 名单.csv}
        rooms: \(PackFixtures.path("fixtures/pack/bad-rooms.csv"))
        """)
        #expect(e.file.hasSuffix("bad-rooms.csv"))
        #expect(e.line == 2)
        #expect(e.key == "列 E")
        #expect(e.text.zh.contains("座位数“0”"))
    }

    @Test func roomsTableReadsTitleRowsTextNumbersAndTypeWords() throws {
        let rooms = try RoomTable.read(path: PackFixtures.path("fixtures/pack/考场.xlsx"))
        #expect(rooms.map(\.room.name) == ["第01考场", "第02考场", "第03考场", "第01考场"])
        #expect(rooms.map(\.room.type) == ["机考", "机考", "实操", "笔试"])
        #expect(rooms[3].room.seats == 40)
        #expect(rooms[3].room.columns == 6, "no 列数: 6 columns for 31–48 seats")
        #expect(rooms[0].invigilators == "王老师、李老师")
        #expect(rooms[0].siteAddress.hasPrefix("北京市"))
    }

    @Test func patternsThatRepeatNumbersAreRefusedWhenSeating() throws {
        let dir = try Tool.scratch()
        _ = try PackFixtures.roster(40, in: dir)
        let job = try PackFixtures.job("""
        inputs: {roster: 名单.csv}
        rooms:
          - {site: 考点, site-code: "01", name: 第01考场, type: 笔试, seats: 30}
          - {site: 考点, site-code: "01", name: 第02考场, type: 笔试, seats: 30}
        ticket-number: "{exam.code}{site.code:2}{seat:2}"
        documents: [door-label]
        """, in: dir)
        let run = try PackFixtures.kaowu(["pack", job, "--out", dir + "/out"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("ticket-number: 准考证号 T10101 重复"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }
}
