import Foundation
import Testing
import TestTools

/// The seating problem codes kaowu pack adds to report.json, each produced by a real run.
@Suite struct SeatingCodeTests {
    func codes(_ pack: String) throws -> [String: [[String: Any]]] {
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: pack + "/report.json"))) as! [String: Any]
        let problems = report["problems"] as! [[String: Any]]
        return Dictionary(grouping: problems, by: { $0["code"] as! String })
    }

    @Test func aSubjectWithoutSessionIsAnErrorOnItsRowAndTheRowIsNotSeated() throws {
        let dir = try Tool.scratch()
        _ = try PackFixtures.roster(12, in: dir, subject: { $0 == 4 ? "插花艺术" : "理论知识" })
        let job = try PackFixtures.job("""
        inputs: {roster: 名单.csv}
        rooms: [{site: 测试考点, site-code: "01", name: 第01考场, type: 笔试, seats: 30}]
        sessions:
          - {subject: 理论知识, mode: 笔试, start: 2026-06-20 09:00, end: "11:00"}
          - {subject: 实操技能, mode: 笔试, start: 2026-06-20 14:00, end: "16:00"}
        documents: [door-label]
        """, in: dir)
        let run = try PackFixtures.kaowu(["pack", job, "--out", dir + "/out"])
        #expect(run.status == 1)
        let problem = try #require(try codes(dir + "/out")["seat.no-session"]?.first)
        #expect(problem["row"] as? Int == 6)
        #expect(problem["severity"] as? String == "error")
        #expect(run.stdout.contains("第 6 行"))
        #expect(try PackFixtures.plan(dir + "/out").count == 11)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/out/report.json"))) as! [String: Any]
        #expect(report["valid"] as? Int == 11)
        let missing = try PackFixtures.sheet(dir + "/out/排考明细.xlsx", "未排考")
        #expect(missing.count == 2 && missing[1][0] == "6")
    }

    @Test func aKeptSeatInARoomThatIsGoneMovesWithAWarning() throws {
        let dir = try Tool.scratch()
        _ = try PackFixtures.roster(20, in: dir)
        func job(_ rooms: String, _ name: String) throws -> String {
            try PackFixtures.job("""
            inputs: {roster: 名单.csv}
            rooms:
            \(rooms)
            seating: {order: roster}
            documents: [door-label]
            """, in: dir, name: name)
        }
        let two = try job("""
          - {site: 测试考点, site-code: "01", name: 第01考场, type: 笔试, seats: 10}
          - {site: 测试考点, site-code: "01", name: 第02考场, type: 笔试, seats: 10}
        """, "two.yaml")
        #expect(try PackFixtures.kaowu(["pack", two, "--out", dir + "/a"]).status == 0)
        let one = try job("""
          - {site: 测试考点, site-code: "01", name: 第01考场, type: 笔试, seats: 10}
          - {site: 测试考点, site-code: "01", name: 第03考场, type: 笔试, seats: 10}
        """, "one.yaml")
        let run = try PackFixtures.kaowu(["pack", one, "--out", dir + "/b", "--keep", dir + "/a/排考明细.xlsx"])
        #expect(run.status == 0)
        let moved = try codes(dir + "/b")["seat.moved"] ?? []
        #expect(moved.count == 10)
        #expect(moved.allSatisfy { $0["severity"] as? String == "warning" })
        #expect(run.stdout.contains("保留原座位 10 个"), "\(run.stdout)")
    }

    @Test func unavoidableNeighboursAreWarnings() throws {
        let dir = try Tool.scratch()
        _ = try PackFixtures.roster(9, in: dir, school: { _ in "同一学院" })
        let job = try PackFixtures.job("""
        inputs: {roster: 名单.csv}
        rooms: [{site: 测试考点, site-code: "01", name: 第01考场, type: 笔试, seats: 9, columns: 3}]
        documents: [door-label]
        """, in: dir)
        #expect(try PackFixtures.kaowu(["pack", job, "--out", dir + "/out"]).status == 0)
        let pairs = try codes(dir + "/out")["seat.same-school"] ?? []
        #expect(pairs.count == 12, "a full 3×3 room of one school has 12 neighbour pairs")
        #expect(pairs.allSatisfy { $0["severity"] as? String == "warning" })
    }
}
