import Testing
@testable import Seating

/// Seating by time slot: rooms are booked per session, a person may sit several sessions.
@Suite struct TimetableSeatingTests {
    let morning = ExamSession(subject: "理论知识", code: "01", mode: "机考", start: "2026-06-20 09:00", end: "2026-06-20 11:00")
    let afternoon = ExamSession(subject: "操作技能", code: "02", mode: "机考", start: "2026-06-20 13:30", end: "2026-06-20 15:30")

    func people(_ n: Int, subjects: [String], prefix: String, schools: [String] = ["甲", "乙", "丙"]) -> [SeatingCandidate] {
        (0..<n).map { SeatingCandidate(key: "\(prefix)\(1000 + $0)", row: $0 + 2, name: "考生\($0)", school: schools[$0 % schools.count], subjects: subjects) }
    }

    @Test func aRoomIsFreeAgainInTheNextSession() throws {
        let group = people(26, subjects: ["理论知识"], prefix: "A") + people(25, subjects: ["操作技能"], prefix: "B")
        let plan = try SeatingPlanner.plan(group, rooms: [room("机01", type: "机考", seats: 30, columns: 5)], sessions: [morning, afternoon],
                                           policy: SeatingPolicy())
        #expect(plan.assignments.count == 51)
        for session in [0, 1] {
            let seats = plan.assignments.filter { $0.session == session }.map(\.seat)
            #expect(Set(seats).count == seats.count, "a seat used twice in session \(session)")
        }
        let morningPeople = Set(plan.assignments.filter { $0.session == 0 }.map(\.candidate))
        let afternoonPeople = Set(plan.assignments.filter { $0.session == 1 }.map(\.candidate))
        #expect(morningPeople.isDisjoint(with: afternoonPeople) && morningPeople.count == 26 && afternoonPeople.count == 25)
    }

    @Test func shortfallIsPerSession() {
        let group = people(31, subjects: ["理论知识"], prefix: "A") + people(25, subjects: ["操作技能"], prefix: "B")
        do {
            _ = try SeatingPlanner.plan(group, rooms: [room("机01", type: "机考", seats: 30, columns: 5)], sessions: [morning, afternoon], policy: SeatingPolicy())
            Issue.record("expected a shortfall")
        } catch let shortfall as SeatingShortfall {
            #expect(shortfall.sessions.count == 1)
            #expect(shortfall.sessions[0].session == 0 && shortfall.sessions[0].missing == 1 && shortfall.sessions[0].needed == 31 && shortfall.sessions[0].seats == 30)
            #expect(shortfall.message(.zh).contains("第 1 场“理论知识”") && shortfall.message(.zh).contains("还差 1 个座位"), "\(shortfall.message(.zh))")
        } catch { Issue.record("\(error)") }
    }

    @Test func aCandidateSitsEveryRegisteredSessionAndKeepsTheSeatWhenPreferred() throws {
        let both = people(20, subjects: ["理论知识", "操作技能"], prefix: "X")
        let onlyAfternoon = people(8, subjects: ["操作技能"], prefix: "Y")
        var policy = SeatingPolicy()
        policy.order = .shuffle(seed: 3)
        policy.preferSameSeat = true
        let rooms = [room("机01", type: "机考", seats: 30, columns: 5)]
        let plan = try SeatingPlanner.plan(onlyAfternoon + both, rooms: rooms, sessions: [morning, afternoon], policy: policy)
        #expect(plan.assignments.count == 48)
        let bySession = Dictionary(grouping: plan.assignments, by: { $0.session! })
        let morningSeat = Dictionary(uniqueKeysWithValues: bySession[0]!.map { ($0.candidate, $0.seat) })
        for a in bySession[1]! where a.candidate >= onlyAfternoon.count {
            #expect(morningSeat[a.candidate] == a.seat, "candidate \(a.candidate) moved seat")
            #expect(a.registration == 1)
        }
        #expect(Set(bySession[1]!.map(\.seat)).count == 28)
    }

    @Test func overlappingSessionsOfOnePersonAreReported() throws {
        let clash = ExamSession(subject: "操作技能", code: "02", mode: "实操", start: "2026-06-20 10:30", end: "2026-06-20 12:00")
        let group = people(3, subjects: ["理论知识", "操作技能"], prefix: "X")
        let rooms = [room("机01", type: "机考"), room("实01", type: "实操", number: 2)]
        let plan = try SeatingPlanner.plan(group, rooms: rooms, sessions: [morning, clash], policy: SeatingPolicy())
        #expect(plan.assignments.count == 3 && plan.assignments.allSatisfy { $0.session == 0 })
        #expect(plan.overlaps.count == 3 && plan.overlaps.allSatisfy { $0.registration == 1 && $0.other == 0 && $0.session == 1 && $0.otherSession == 0 })
    }

    @Test func simultaneousSessionsTakeDifferentRoomsAndRoomsOpenOnlyInSomeSessions() throws {
        let other = ExamSession(subject: "网络安全", code: "03", mode: "机考", start: "2026-06-20 09:30", end: "2026-06-20 11:30")
        let group = people(10, subjects: ["理论知识"], prefix: "A") + people(10, subjects: ["网络安全"], prefix: "B") + people(10, subjects: ["操作技能"], prefix: "C")
        let rooms = [room("机01", type: "机考"), room("机02", type: "机考", number: 2), room("机03", type: "机考", number: 3)]
        // 机01 is not open in the afternoon: the afternoon goes to the first open room, 机02.
        let plan = try SeatingPlanner.plan(group, rooms: rooms, sessions: [morning, afternoon, other], policy: SeatingPolicy(), roomSessions: [0: [0, 2]])
        let roomsOf = Dictionary(grouping: plan.assignments, by: { $0.session! }).mapValues { Set($0.map(\.room)) }
        #expect(roomsOf[0] == [0] && roomsOf[2] == [1] && roomsOf[1] == [1])
    }

    @Test func schoolsAreSeparatedWithinEachSession() throws {
        let group = people(30, subjects: ["理论知识"], prefix: "A", schools: ["甲", "乙"]) + people(30, subjects: ["操作技能"], prefix: "B", schools: ["甲", "乙"])
        var policy = SeatingPolicy()
        policy.order = .sorted
        let plan = try SeatingPlanner.plan(group, rooms: [room("机01", type: "机考")], sessions: [morning, afternoon], policy: policy)
        #expect(plan.conflicts.isEmpty)
        let grid = SeatGrid(room: room("机01", type: "机考"), numbering: .snake)
        for session in [0, 1] {
            let schoolAt = Dictionary(uniqueKeysWithValues: plan.assignments.filter { $0.session == session }.map { ($0.seat, group[$0.candidate].school) })
            for (seat, school) in schoolAt { for n in grid.neighbours(of: seat) { #expect(schoolAt[n] != school) } }
        }
    }
}
