import Foundation
import Roster
import Seating
import Support
import Validation

/// Who is in which class with which 听课证号: learners named for a class by the roster's 班级 column go
/// there, the others fill the classes' free seats in the job's order; within a class they are listed and
/// numbered in that order. Rows naming no class of the course are left out (`class.unknown`).
struct CoursePlan: Sendable {
    var candidates: [Candidate]
    /// In class order, then list order.
    var enrolled: [EnrolledLearner]
    /// For each class, indices into `enrolled` in list order.
    var byClass: [[Int]]
    /// Rows left out (`class.unknown`), per roster row.
    var problems: [Problem]

    /// Headers (in key form) that name a learner's class.
    static let classHeaders = ["班级", "所在班级", "班级名称", "班别"]

    /// Places `candidates` for `job`; `header` locates the 班级 column for the report. Throws
    /// `ClassShortfall` when the classes cannot seat everyone, `JobError` when the card numbers cannot be made
    /// unique and of one length.
    static func make(job: CourseJob, candidates: [Candidate], header: HeaderMap?) throws -> CoursePlan {
        let classKeys = job.classes.map { TextCleaner.key($0.name) }
        let column = classHeaders.first { h in header?.headers.contains(h) ?? candidates.contains { $0.columns[h] != nil } }
        let letter = column.flatMap { h in header?.headers.firstIndex(of: h).map(columnLetters) }
        var problems: [Problem] = []
        var members = Array(repeating: [Int](), count: job.classes.count)
        var waiting: [Int] = []
        for i in ordered(candidates, by: job.order) {
            let named = column.flatMap { candidates[i].columns[$0] } ?? ""
            guard !named.isEmpty else { waiting.append(i); continue }
            guard let c = classKeys.firstIndex(of: TextCleaner.key(named)) else {
                let known = job.classes.map(\.name)
                problems.append(Problem(.error, CourseCodes.unknown, row: candidates[i].row, column: letter, field: column, value: named,
                                        message: LocalizedText(zh: "班级“\(named)”不是本培训班的班级（\(known.joined(separator: "、"))），未编班",
                                                               en: "class \"\(named)\" is not one of this course's (\(known.joined(separator: ", "))); not placed")))
                continue
            }
            members[c].append(i)
        }
        // Classes the roster fills beyond their seats; then the others into the free seats, in class order.
        let over = job.classes.indices.filter { members[$0].count > job.classes[$0].seats }.map {
            ClassShortfall.Over(name: job.classes[$0].name, learners: members[$0].count, seats: job.classes[$0].seats)
        }
        let free = job.classes.indices.reduce(0) { $0 + max(0, job.classes[$1].seats - members[$1].count) }
        guard over.isEmpty, waiting.count <= free else {
            throw ClassShortfall(over: over, unplaced: max(0, waiting.count - free), waiting: waiting.count, free: free)
        }
        var next = 0
        for c in job.classes.indices {
            let room = job.classes[c].seats - members[c].count
            let share = waiting[next..<min(waiting.count, next + room)]
            members[c] += share
            next += share.count
        }
        // Numbers: {seq} counts within the class when the pattern tells classes apart, else over the course.
        let perClass = job.cardPattern.uses("class")
        var enrolled: [EnrolledLearner] = []
        var byClass = Array(repeating: [Int](), count: job.classes.count)
        var numbers: [String: Int] = [:]
        for c in job.classes.indices {
            for (k, i) in members[c].enumerated() {
                let seq = perClass ? k + 1 : enrolled.count + 1
                let number: String
                do {
                    number = try job.cardPattern.make(["course.code": job.course.code, "class": String(job.classes[c].number), "seq": String(seq)])
                } catch let failure as TicketNumberPattern.Failure {
                    throw JobError.job(file: job.file, line: nil, key: "card-number", zh: "听课证号无法生成：\(failure.text.zh)", en: "cannot make a card number: \(failure.text.en)")
                }
                if let other = numbers[number] {
                    let first = candidates[enrolled[other].candidate]
                    throw JobError.job(file: job.file, line: nil, key: "card-number",
                                       zh: "听课证号 \(number) 重复（第 \(first.row) 行与第 \(candidates[i].row) 行）：格式“\(job.cardPatternText)”需包含 {class:N}，或让 {seq:N} 足够宽",
                                       en: "card number \(number) repeats (rows \(first.row) and \(candidates[i].row)): the pattern \"\(job.cardPatternText)\" needs {class:N}, or a wider {seq:N}")
                }
                numbers[number] = enrolled.count
                byClass[c].append(enrolled.count)
                enrolled.append(EnrolledLearner(candidate: i, classIndex: c, seq: k + 1, cardNumber: number))
            }
        }
        let lengths = Set(enrolled.map(\.cardNumber.count))
        if lengths.count > 1 {
            throw JobError.job(file: job.file, line: nil, key: "card-number",
                               zh: "听课证号长度不一（\(lengths.sorted().map(String.init).joined(separator: "、")) 位）：请为“\(job.cardPatternText)”中的字段指定宽度",
                               en: "card numbers differ in length (\(lengths.sorted().map(String.init).joined(separator: ", "))): give the pattern's fields widths")
        }
        return CoursePlan(candidates: candidates, enrolled: enrolled, byClass: byClass, problems: problems)
    }

    /// The candidates' indices in the job's order: as listed, by unit then document number, or shuffled
    /// with the seed (the same seed, the same order).
    static func ordered(_ candidates: [Candidate], by order: SeatOrder) -> [Int] {
        order.arrange(candidates)
    }
}
