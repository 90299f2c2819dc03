import Documents
import Foundation
import Spreadsheet
import Support

/// Writes 排课明细.xlsx: sheet 学员编班 (every learner placed: card number, name, gender, ID, unit, class,
/// roster row), sheet 课程安排 (one row per class and session: date, time, topic, 学时, teacher, place,
/// learners; and each class's total 学时) and sheet 未编班 (rows left out and why). Every cell is a string,
/// so what is read back or copied elsewhere is exactly what is shown.
enum CourseWorkbook {
    static let learnersSheet = "学员编班", scheduleSheet = "课程安排", leftOutSheet = "未编班"
    static let learnerTitles = ["听课证号", "姓名", "性别", "证件号码", "单位", "班级", "名单行号"]
    static let scheduleTitles = ["班级", "日期", "时间", "课程内容", "学时", "讲师", "地点", "人数"]
    /// The 日期 cell of a class's total row in 课程安排.
    static let totalLabel = "合计"

    /// Writes the workbook to `path`; `created` fixes its timestamps.
    static func write(job: CourseJob, plan: CoursePlan, leftOut: [(row: Int, name: String, id: String, reason: String)], to path: String,
                      created: time_t) throws {
        let book = try WorkbookWriter(path: path, constantMemory: true, created: created)
        let header = CellStyle(bold: true, fill: 0xD9E1F2, border: true, centered: true)
        let text = CellStyle(text: true)
        let bold = CellStyle(bold: true, text: true)

        let learners = try book.addSheet(learnersSheet)
        for (i, (title, width)) in zip(learnerTitles, [18.0, 12, 6, 21, 30, 20, 8]).enumerated() {
            learners.setColumns(i, i, width: width)
            learners.write(0, i, title, header)
        }
        learners.freeze(rows: 1)
        for (n, e) in plan.enrolled.enumerated() {
            let candidate = plan.candidates[e.candidate]
            let cells = [e.cardNumber, candidate.name, candidate.genderText, candidate.idNumber, candidate.school, job.classes[e.classIndex].name, String(candidate.row)]
            for (i, value) in cells.enumerated() { learners.write(n + 1, i, value, text) }
        }
        learners.autofilter(firstRow: 0, firstColumn: 0, lastRow: max(plan.enrolled.count, 1), lastColumn: learnerTitles.count - 1)

        let schedule = try book.addSheet(scheduleSheet)
        for (i, (title, width)) in zip(scheduleTitles, [20.0, 12, 13, 30, 6, 12, 24, 6]).enumerated() {
            schedule.setColumns(i, i, width: width)
            schedule.write(0, i, title, header)
        }
        schedule.freeze(rows: 1)
        schedule.printLandscape()
        var row = 1
        for (c, courseClass) in job.classes.enumerated() {
            let sessions = job.sessions(of: c)
            for s in sessions {
                let session = job.sessions[s]
                let cells = [courseClass.name, session.date, session.time, session.topic, session.hours.description,
                             session.teacher.isEmpty ? courseClass.teacher : session.teacher, courseClass.place, String(plan.byClass[c].count)]
                for (i, value) in cells.enumerated() { schedule.write(row, i, value, text) }
                row += 1
            }
            schedule.write(row, 0, courseClass.name, bold)
            schedule.write(row, 1, totalLabel, bold)
            schedule.write(row, 3, "\(sessions.count) 个课次", bold)
            schedule.write(row, 4, job.totalHours(of: c).description, bold)
            row += 1
        }

        let missing = try book.addSheet(leftOutSheet)
        for (i, (title, width)) in zip(["名单行号", "姓名", "证件号码", "原因"], [8.0, 12, 21, 70]).enumerated() {
            missing.setColumns(i, i, width: width)
            missing.write(0, i, title, header)
        }
        for (n, entry) in leftOut.enumerated() {
            missing.write(n + 1, 0, String(entry.row), text)
            missing.write(n + 1, 1, entry.name, text)
            missing.write(n + 1, 2, entry.id, text)
            missing.write(n + 1, 3, entry.reason, text)
        }
        try book.close()
    }
}
