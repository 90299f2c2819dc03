import Documents
import Foundation
import Seating
import Spreadsheet
import Support
import Validation

/// The pack's reports: seating problems for report.json, and the three report files.
extension PackRunner {
    /// Writes 排考明细.xlsx, 校验报告.xlsx and report.json into `folder`; returns them hashed.
    static func writeReports(job: Job, plan: PackPlan, refused: [ValidatedRoster.RefusedRow], report: ValidationReport, into folder: String,
                             stamp: PackStamp, language l: Language) throws -> [String: Manifest.File] {
        var people: [Int: (name: String, id: String)] = [:]
        for row in refused { people[row.row] = (row.name, row.idNumber) }
        for candidate in plan.candidates { people[candidate.row] = (candidate.name, candidate.idNumber) }
        // One line per row left out, its reasons together.
        let errors = report.problems.filter { $0.severity == .error && $0.row != nil }
        let leftOut = Dictionary(grouping: errors, by: { $0.row! }).sorted { $0.key < $1.key }.map { row, problems in
            (row: row, name: people[row]?.name ?? "", id: people[row]?.id ?? "",
             reason: problems.map { $0.message(l) }.joined(separator: l.pick("；", "; ")))
        }
        try PlanWorkbook.write(job: job, plan: plan, leftOut: leftOut, to: folder + "/" + PackLayout.planWorkbook, created: stamp.epoch)
        try ExcelReport.write(report, rosterPath: job.roster, sheet: job.sheet, to: folder + "/" + PackLayout.validationWorkbook, language: l, created: stamp.epoch,
                              catalog: ProblemCatalog.validation.adding(SeatingCodes.all))
        try report.json(l).write(to: URL(fileURLWithPath: folder + "/" + PackLayout.reportJSON))
        return try Dictionary(uniqueKeysWithValues: PackLayout.reportFiles.map { ($0, try Manifest.File.hashing($0, in: folder)) })
    }

    /// Same-school neighbours that could not be avoided, as warnings on the first candidate's roster row.
    static func conflictProblems(_ plan: PackPlan, job: Job) -> [Problem] {
        var bySeat: [Int: [Int: Int]] = [:]
        for s in plan.seated { bySeat[s.room, default: [:]][s.seat] = plan.candidates[s.candidate].row }
        return plan.conflicts.map { c in
            let room = job.rooms[c.room].room
            return Problem(.warning, "seat.same-school", row: bySeat[c.room]?[c.seat], field: "school", value: c.school,
                           message: LocalizedText(zh: "\(room.site) \(room.name) \(c.seat) 号与 \(c.neighbourSeat) 号同为“\(c.school)”考生（该考场无法避免）",
                                           en: "\(room.site) \(room.name): seats \(c.seat) and \(c.neighbourSeat) are both from \(c.school) (unavoidable in this room)"))
        }
    }
}
