import Validation
import Foundation
import Render
import Seating
import Support

/// The seating of a pack: who sits where with which number, who was left out and why, and the
/// same-school neighbours that could not be avoided.
struct PackPlan: Sendable {
    var candidates: [Candidate]
    /// In room order, then seat order.
    var seated: [SeatedCandidate]
    /// For each room, indices into `seated` in seat order.
    var byRoom: [[Int]]
    var conflicts: [SeatingConflict]
    /// Seating problems (left out: no session for the subject; kept seat no longer available), per roster row.
    var problems: [Problem]

    /// Seats `candidates` for `job`; `kept` holds the previous plan's seats (`--keep`).
    static func make(job: Job, candidates: [Candidate], kept: PreviousPlan? = nil) throws -> PackPlan {
        let seating = candidates
        // A previous plan names rooms by site and name (matched as keys).
        func roomKey(_ site: String, _ room: String) -> String { TextCleaner.key(site) + "\u{1F}" + TextCleaner.key(room) }
        let roomIndex = Dictionary(job.rooms.enumerated().map { (roomKey($0.element.room.site, $0.element.room.name), $0.offset) },
                                   uniquingKeysWith: { a, _ in a })
        func roomOf(_ entry: PreviousPlan.Entry) -> Int? { roomIndex[roomKey(entry.site, entry.room)] }
        var keptSeats: [String: (room: Int, seat: Int)] = [:]
        for (key, entry) in kept?.entries ?? [:] {
            if let r = roomOf(entry) { keptSeats[key] = (r, entry.seat) }
        }
        let rooms = job.rooms.map(\.room)
        let plan = try SeatingPlanner.plan(seating, rooms: rooms, sessions: job.sessions, policy: job.policy, kept: keptSeats)
        var problems: [Problem] = []
        let subjects = LocalizedText(zh: job.sessions.map(\.subject).joined(separator: "、"), en: job.sessions.map(\.subject).joined(separator: ", "))
        for i in plan.withoutSession {
            let c = candidates[i]
            problems.append(Problem(.error, "seat.no-session", row: c.row, field: "subject", value: c.subject,
                                    message: LocalizedText(zh: "报考科目“\(c.subject)”不在本次考试的科目中（\(subjects.zh)），未排考",
                                                    en: "subject \"\(c.subject)\" is not one of this exam's (\(subjects.en)); not seated")))
        }
        var seated: [SeatedCandidate] = []
        var byRoom = Array(repeating: [Int](), count: rooms.count)
        let assignments = plan.assignments.sorted { ($0.room, $0.seat) < ($1.room, $1.seat) }
        var numbers: [String: Int] = [:]
        for (sequence, a) in assignments.enumerated() {
            let room = rooms[a.room]
            let key = seating[a.candidate].key
            let previous = kept?.entries[key]
            let isKept = previous.map { roomOf($0) == a.room && $0.seat == a.seat } ?? false
            if let previous, !isKept {
                problems.append(Problem(.warning, "seat.moved", row: candidates[a.candidate].row, field: "seat", value: "\(previous.site) \(previous.room) \(previous.seat)",
                                        message: LocalizedText(zh: "上次的座位（\(previous.site) \(previous.room) \(previous.seat) 号）已不可用，改排到 \(room.site) \(room.name) \(a.seat) 号",
                                                        en: "the previous seat (\(previous.site) \(previous.room) \(previous.seat)) is no longer available; now \(room.site) \(room.name) \(a.seat)")))
            }
            var number = ""
            if isKept, let old = previous?.ticketNumber, !old.isEmpty {
                number = old
            } else {
                let values = ["exam.code": job.exam.code, "site.code": room.siteCode, "room": String(room.number), "seat": String(a.seat),
                              "session.code": a.session.map { job.sessions[$0].code } ?? "", "seq": String(sequence + 1)]
                do { number = try job.ticketPattern.make(values) } catch let failure as TicketNumberPattern.Failure {
                    throw JobError.job(file: job.file, line: nil, key: "ticket-number", zh: "准考证号无法生成：\(failure.text.zh)", en: "cannot make a ticket number: \(failure.text.en)")
                }
            }
            if let other = numbers[number] {
                let first = candidates[seated[other].candidate]
                throw JobError.job(file: job.file, line: nil, key: "ticket-number",
                               zh: "准考证号 \(number) 重复（第 \(first.row) 行与第 \(candidates[a.candidate].row) 行）：格式“\(job.ticketPatternText)”需包含能区分考点、考场的字段",
                               en: "ticket number \(number) repeats (rows \(first.row) and \(candidates[a.candidate].row)): the pattern \"\(job.ticketPatternText)\" must tell sites and rooms apart")
            }
            numbers[number] = seated.count
            byRoom[a.room].append(seated.count)
            seated.append(SeatedCandidate(candidate: a.candidate, room: a.room, seat: a.seat, session: a.session, ticketNumber: number, kept: isKept))
        }
        let lengths = Set(seated.map(\.ticketNumber.count))
        if lengths.count > 1 {
            throw JobError.job(file: job.file, line: nil, key: "ticket-number",
                           zh: "准考证号长度不一（\(lengths.sorted().map(String.init).joined(separator: "、")) 位）：请为“\(job.ticketPatternText)”中的字段指定宽度，如 {site.code:4}",
                           en: "ticket numbers differ in length (\(lengths.sorted().map(String.init).joined(separator: ", "))): give the pattern's fields widths, e.g. {site.code:4}")
        }
        return PackPlan(candidates: candidates, seated: seated, byRoom: byRoom, conflicts: plan.conflicts, problems: problems)
    }

}
