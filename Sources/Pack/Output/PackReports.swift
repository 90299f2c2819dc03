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
        let leftOut = LeftOutRows.lines(report, refused: refused, candidates: plan.candidates, language: l)
        try PlanWorkbook.write(job: job, plan: plan, leftOut: leftOut, to: folder + "/" + PackLayout.planWorkbook, created: stamp.epoch)
        try ExcelReport.write(report, rosterPath: job.roster, sheet: job.sheet, to: folder + "/" + PackLayout.validationWorkbook, language: l, created: stamp.epoch,
                              catalog: ProblemCatalog.validation.adding(SeatingCodes.all))
        try report.json(l).write(to: URL(fileURLWithPath: folder + "/" + PackLayout.reportJSON))
        return try Dictionary(uniqueKeysWithValues: PackLayout.reportFiles.map { ($0, try Manifest.File.hashing($0, in: folder)) })
    }

    /// Same-school neighbours that could not be avoided, as warnings on the first candidate's roster row.
    static func conflictProblems(_ plan: PackPlan, job: Job) -> [Problem] {
        var rowAt: [Int: [Int: Int]] = [:]
        for k in plan.sittings.indices {
            for s in plan.seated(in: k) {
                rowAt[k, default: [:]][s.seat] = plan.candidates[s.candidate].row(of: s.registration)
            }
        }
        var sittingOf: [String: Int] = [:]
        for (k, sitting) in plan.sittings.enumerated() { sittingOf["\(sitting.room)/\(sitting.session ?? -1)"] = k }
        return plan.conflicts.map { c in
            let room = job.rooms[c.room].room
            let k = sittingOf["\(c.room)/\(c.session ?? -1)"]
            let when = c.session.map { LocalizedText(zh: "（\(job.sessions[$0].subject)）", en: " (\(job.sessions[$0].subject))") } ?? LocalizedText(zh: "", en: "")
            return Problem(.warning, "seat.same-school", row: k.flatMap { rowAt[$0]?[c.seat] }, field: "school", value: c.school,
                           message: LocalizedText(zh: "\(room.site) \(room.name)\(when.zh) \(c.seat) 号与 \(c.neighbourSeat) 号同为“\(c.school)”考生（该考场无法避免）",
                                                  en: "\(room.site) \(room.name)\(when.en): seats \(c.seat) and \(c.neighbourSeat) are both from \(c.school) (unavoidable in this room)"))
        }
    }
}
