import Support
import Validation

/// The rows a pack left out, one line each with the person it names and all its reasons together (the
/// 未排考 / 未编班 sheets): every row with an error, named from the refused rows or the candidates.
enum LeftOutRows {
    typealias Line = (row: Int, name: String, id: String, reason: String)

    static func lines(_ report: ValidationReport, refused: [ValidatedRoster.RefusedRow], candidates: [Candidate], language l: Language) -> [Line] {
        var people: [Int: (name: String, id: String)] = [:]
        for row in refused { people[row.row] = (row.name, row.idNumber) }
        for candidate in candidates {
            for row in Set(candidate.registrations.map(\.row) + [candidate.row]) { people[row] = (candidate.name, candidate.idNumber) }
        }
        let errors = report.problems.filter { $0.severity == .error && $0.row != nil }
        return Dictionary(grouping: errors, by: { $0.row! }).sorted { $0.key < $1.key }.map { row, problems in
            (row: row, name: people[row]?.name ?? "", id: people[row]?.id ?? "",
             reason: problems.map { $0.message(l) }.joined(separator: l.pick("；", "; ")))
        }
    }
}
