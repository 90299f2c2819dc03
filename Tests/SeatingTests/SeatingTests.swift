import Testing
@testable import Seating

func room(_ name: String, type: String = "笔试", seats: Int = 30, columns: Int = 5, number: Int = 1) -> Room {
    Room(site: "第一考点", siteCode: "0101", name: name, type: type, seats: seats, columns: columns, number: number)
}

func candidates(_ n: Int, schools: [String], subject: String = "理论") -> [SeatingCandidate] {
    (0..<n).map { SeatingCandidate(key: "ID\(1000 + $0)", row: $0 + 2, name: "考生\($0)", school: schools[$0 % schools.count], subject: subject) }
}

@Suite struct SeatGridTests {
    @Test func rowsAndSnakeNumbering() {
        let r = room("A", seats: 6, columns: 3)          // 2 rows × 3 columns
        let rows = SeatGrid(room: r, numbering: .rows), snake = SeatGrid(room: r, numbering: .snake)
        #expect(rows.position(of: 1) == (0, 0) && rows.position(of: 3) == (0, 2) && rows.position(of: 4) == (1, 0))
        #expect(snake.position(of: 1) == (0, 0) && snake.position(of: 2) == (1, 0) && snake.position(of: 3) == (1, 1) && snake.position(of: 4) == (0, 1))
        for seat in 1...6 {
            let p = snake.position(of: seat)
            #expect(snake.seat(at: p.row, p.column) == seat)
            let q = rows.position(of: seat)
            #expect(rows.seat(at: q.row, q.column) == seat)
        }
        #expect(Set(snake.neighbours(of: 2)) == [1, 3])   // (1,0): front 1, right 3
    }

    @Test func shortLastColumn() {
        // 3 rows; the second column is numbered from the back and holds 2, so its front desk is empty.
        let g = SeatGrid(room: room("B", seats: 5, columns: 2), numbering: .snake)
        #expect(g.seat(at: 2, 1) == 4 && g.seat(at: 1, 1) == 5 && g.seat(at: 0, 1) == nil)
    }
}

@Suite struct SeatingPlannerTests {
    @Test func everyoneSeatedOnceWithinCapacity() throws {
        let people = candidates(50, schools: ["甲校", "乙校", "丙校"])
        let plan = try SeatingPlanner.plan(people, rooms: [room("01"), room("02", number: 2)], sessions: [], policy: SeatingPolicy())
        #expect(plan.assignments.count == 50)
        #expect(Set(plan.assignments.map(\.candidate)).count == 50)
        #expect(Set(plan.assignments.map { "\($0.room)-\($0.seat)" }).count == 50)
        #expect(plan.assignments.filter { $0.room == 0 }.count == 30)
        #expect(plan.conflicts.isEmpty)
    }

    @Test func sameSchoolNeighboursAvoidedWhereverPossible() throws {
        // Sorted by school the roster is in school blocks; the planner still mixes neighbours.
        var policy = SeatingPolicy()
        policy.order = .sorted
        let people = candidates(30, schools: ["甲校", "乙校"])
        let plan = try SeatingPlanner.plan(people, rooms: [room("01")], sessions: [], policy: policy)
        #expect(plan.conflicts.isEmpty)
        let grid = SeatGrid(room: room("01"), numbering: .snake)
        let schoolAt = Dictionary(uniqueKeysWithValues: plan.assignments.map { ($0.seat, people[$0.candidate].school) })
        for (seat, school) in schoolAt { for n in grid.neighbours(of: seat) { #expect(schoolAt[n] != school) } }
    }

    @Test func impossibleSeparationIsReported() throws {
        let people = candidates(10, schools: ["甲校"])
        let plan = try SeatingPlanner.plan(people, rooms: [room("01", seats: 10, columns: 2)], sessions: [], policy: SeatingPolicy())
        #expect(plan.assignments.count == 10)
        #expect(!plan.conflicts.isEmpty && plan.conflicts.allSatisfy { $0.school == "甲校" })
    }

    @Test func shuffleIsSeeded() throws {
        var policy = SeatingPolicy()
        policy.order = .shuffle(seed: 7)
        let people = candidates(40, schools: ["甲", "乙", "丙", "丁"])
        let a = try SeatingPlanner.plan(people, rooms: [room("01"), room("02", number: 2)], sessions: [], policy: policy)
        let b = try SeatingPlanner.plan(people, rooms: [room("01"), room("02", number: 2)], sessions: [], policy: policy)
        #expect(a.assignments == b.assignments)
        policy.order = .shuffle(seed: 8)
        let c = try SeatingPlanner.plan(people, rooms: [room("01"), room("02", number: 2)], sessions: [], policy: policy)
        #expect(a.assignments != c.assignments)
    }

    @Test func roomsMatchTheSessionMode() throws {
        let theory = candidates(20, schools: ["甲", "乙"], subject: "理论知识")
        let practice = candidates(8, schools: ["甲", "乙"], subject: "实操技能").map { c -> SeatingCandidate in var c = c; c.key = "P" + c.key; return c }
        let sessions = [ExamSession(subject: "理论知识", mode: "笔试"), ExamSession(subject: "实操技能", mode: "实操")]
        let rooms = [room("笔01", type: "笔试"), room("实01", type: "实操", seats: 10, columns: 2, number: 2)]
        let plan = try SeatingPlanner.plan(theory + practice, rooms: rooms, sessions: sessions, policy: SeatingPolicy())
        for a in plan.assignments { #expect(rooms[a.room].type == sessions[a.session!].mode) }
        #expect(plan.assignments.count == 28)
    }

    @Test func shortfallCountsMissingSeatsPerMode() {
        let people = candidates(45, schools: ["甲"], subject: "理论") + candidates(3, schools: ["乙"], subject: "上机").map { c in
            var c = c; c.key = "M" + c.key; return c
        }
        let sessions = [ExamSession(subject: "理论", mode: "笔试"), ExamSession(subject: "上机", mode: "机考")]
        do {
            _ = try SeatingPlanner.plan(people, rooms: [room("01"), room("机01", type: "机考", seats: 2, columns: 2, number: 2)],
                                        sessions: sessions, policy: SeatingPolicy())
            Issue.record("expected a shortfall")
        } catch let shortfall as SeatingShortfall {
            #expect(shortfall.missing == ["笔试": 15, "机考": 1])
            #expect(shortfall.sessions.map(\.needed) == [45, 3] && shortfall.sessions.map(\.seats) == [30, 2])
        } catch { Issue.record("\(error)") }
    }

    @Test func candidatesWithoutASessionAreLeftOut() throws {
        let people = candidates(3, schools: ["甲"], subject: "理论") + [SeatingCandidate(key: "X", row: 9, name: "无科目", school: "乙", subject: "美术")]
        let sessions = [ExamSession(subject: "理论", mode: "笔试"), ExamSession(subject: "上机", mode: "机考")]
        let plan = try SeatingPlanner.plan(people, rooms: [room("01")], sessions: sessions, policy: SeatingPolicy())
        #expect(plan.withoutSession == [RegistrationIndex(candidate: 3, registration: 0)] && plan.assignments.count == 3)
    }

    @Test func keptCandidatesKeepTheirSeats() throws {
        let people = candidates(20, schools: ["甲", "乙"])
        var policy = SeatingPolicy()
        policy.order = .shuffle(seed: 1)
        let first = try SeatingPlanner.plan(people, rooms: [room("01"), room("02", number: 2)], sessions: [], policy: policy)
        var kept: [RegistrationKey: (room: Int, seat: Int)] = [:]
        for a in first.assignments { kept[RegistrationKey(person: people[a.candidate].key, subject: "理论")] = (a.room, a.seat) }
        let newcomers = candidates(25, schools: ["丙"]).dropFirst(20).map { c -> SeatingCandidate in var c = c; c.key = "N" + c.key; return c }
        policy.order = .shuffle(seed: 99)
        let second = try SeatingPlanner.plan(people + newcomers, rooms: [room("01"), room("02", number: 2)], sessions: [], policy: policy, kept: kept)
        for a in second.assignments where a.candidate < people.count {
            #expect(kept[RegistrationKey(person: people[a.candidate].key, subject: "理论")]! == (a.room, a.seat))
        }
        #expect(second.assignments.count == 25)
        #expect(Set(second.assignments.map { "\($0.room)-\($0.seat)" }).count == 25)
    }
}

@Suite struct TicketNumberTests {
    @Test func fixedWidthNumbers() throws {
        let p = try TicketNumberPattern("{exam.code}{site.code:4}{room:3}{seat:2}")
        #expect(try p.make(["exam.code": "2026A", "site.code": "101", "room": "7", "seat": "5"]) == "2026A010100705")
        #expect(throws: TicketNumberPattern.Failure.self) { try p.make(["exam.code": "2026A", "site.code": "12345", "room": "7", "seat": "5"]) }
    }

    @Test func patternMistakes() {
        #expect(throws: TicketNumberPattern.Failure.self) { try TicketNumberPattern("{exam.code}{room:3}") }        // no seat
        #expect(throws: TicketNumberPattern.Failure.self) { try TicketNumberPattern("{exam.code}{seat}") }         // no width
        #expect(throws: TicketNumberPattern.Failure.self) { try TicketNumberPattern("{colour}{seat:2}") }
        #expect(throws: TicketNumberPattern.Failure.self) { try TicketNumberPattern("{seat:2") }
    }
}
