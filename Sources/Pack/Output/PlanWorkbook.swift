import Documents
import Foundation
import Seating
import Spreadsheet
import Support

/// Writes 排考明细.xlsx: every seated registration (the sheet `--keep` reads back), a summary per room and
/// session, the rows left out and why, and the same-school neighbours that could not be avoided. Every cell is a
/// string (numbers and counts too), so what is read back or copied elsewhere is exactly what is shown.
enum PlanWorkbook {
    static let sheetName = "排考明细"

    /// The columns of the 排考明细 sheet, in order.
    enum Column: CaseIterable {
        case serial, ticketNumber, name, gender, idType, id, school, sessionCode, subject, mode, time, site, siteCode, room, seat, address, row

        var title: String {
            switch self {
            case .serial: return "序号"
            case .ticketNumber: return "准考证号"
            case .name: return "姓名"
            case .gender: return "性别"
            case .idType: return "证件类型"
            case .id: return "证件号码"
            case .school: return "所属院校"
            case .sessionCode: return "场次代码"
            case .subject: return "报考科目"
            case .mode: return "考试方式"
            case .time: return "考试时间"
            case .site: return "考点"
            case .siteCode: return "考点代码"
            case .room: return "考场"
            case .seat: return "座位号"
            case .address: return "考场地址"
            case .row: return "名单行号"
            }
        }

        var width: Double {
            switch self {
            case .serial, .seat, .gender, .row, .sessionCode: return 7
            case .ticketNumber, .id: return 21
            case .school, .site, .address: return 26
            case .time: return 24
            default: return 12
            }
        }
    }

    static let header = CellStyle(bold: true, fill: 0xD9E1F2, border: true, centered: true)
    static let text = CellStyle(text: true)

    /// Writes the workbook to `path`; `created` fixes its timestamps.
    static func write(job: Job, plan: PackPlan, leftOut: [(row: Int, name: String, id: String, reason: String)], to path: String, created: time_t) throws {
        let book = try WorkbookWriter(path: path, constantMemory: true, created: created)
        try writePlan(job: job, plan: plan, book: book)
        try writeRooms(job: job, plan: plan, book: book)
        let missing = try book.addSheet("未排考")
        for (i, title) in ["名单行号", "姓名", "证件号码", "原因"].enumerated() { missing.write(0, i, title, header) }
        for (i, w) in [8.0, 12, 21, 70].enumerated() { missing.setColumns(i, i, width: w) }
        for (n, entry) in leftOut.enumerated() {
            missing.write(n + 1, 0, String(entry.row), text)
            missing.write(n + 1, 1, entry.name)
            missing.write(n + 1, 2, entry.id, text)
            missing.write(n + 1, 3, entry.reason)
        }
        let clashes = try book.addSheet("同校相邻")
        for (i, title) in ["考点", "考场", "场次", "座位号", "相邻座位号", "所属院校"].enumerated() { clashes.write(0, i, title, header) }
        for (i, w) in [26.0, 12, 30, 8, 10, 26].enumerated() { clashes.setColumns(i, i, width: w) }
        for (n, c) in plan.conflicts.enumerated() {
            let room = job.rooms[c.room].room
            clashes.write(n + 1, 0, room.site)
            clashes.write(n + 1, 1, room.name)
            clashes.write(n + 1, 2, c.session.map { SessionText.span(job.sessions[$0]) + " " + job.sessions[$0].subject } ?? "")
            clashes.write(n + 1, 3, String(c.seat), text)
            clashes.write(n + 1, 4, String(c.neighbourSeat), text)
            clashes.write(n + 1, 5, c.school)
        }
        try book.close()
    }

    private static func writePlan(job: Job, plan: PackPlan, book: WorkbookWriter) throws {
        let sheet = try book.addSheet(sheetName)
        for (i, column) in Column.allCases.enumerated() {
            sheet.setColumns(i, i, width: column.width)
            sheet.write(0, i, column.title, header)
        }
        sheet.freeze(rows: 1)
        sheet.printLandscape()
        for (n, s) in plan.seated.enumerated() {
            let candidate = plan.candidates[s.candidate]

            let room = job.rooms[s.room].room
            let session = s.session.map { job.sessions[$0] }
            for (i, column) in Column.allCases.enumerated() {
                switch column {
                case .serial: sheet.write(n + 1, i, String(n + 1), text)
                case .ticketNumber: sheet.write(n + 1, i, s.ticketNumber, text)
                case .name: sheet.write(n + 1, i, candidate.name)
                case .gender: sheet.write(n + 1, i, candidate.genderText)
                case .idType: sheet.write(n + 1, i, candidate.fields[.idType].flatMap { $0.isEmpty ? nil : $0 } ?? "居民身份证")
                case .id: sheet.write(n + 1, i, candidate.idNumber, text)
                case .school: sheet.write(n + 1, i, candidate.school)
                case .sessionCode: sheet.write(n + 1, i, session?.code ?? "", text)
                case .subject: sheet.write(n + 1, i, session?.subject ?? candidate.subject(of: s.registration))
                case .mode: sheet.write(n + 1, i, session?.mode ?? room.type)
                case .time: sheet.write(n + 1, i, session.map { SessionText.span($0) } ?? "")
                case .site: sheet.write(n + 1, i, room.site)
                case .siteCode: sheet.write(n + 1, i, room.siteCode, text)
                case .room: sheet.write(n + 1, i, room.name)
                case .seat: sheet.write(n + 1, i, String(s.seat), text)
                case .address: sheet.write(n + 1, i, room.address)
                case .row: sheet.write(n + 1, i, String(candidate.row(of: s.registration)), text)
                }
            }
        }
        sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: max(plan.seated.count, 1), lastColumn: Column.allCases.count - 1)
    }

    /// 考场汇总: one row per room and session (a room no session uses gets one empty row), then the totals.
    private static func writeRooms(job: Job, plan: PackPlan, book: WorkbookWriter) throws {
        let sheet = try book.addSheet("考场汇总")
        let titles = ["考点", "考点代码", "考场", "考场类型", "座位数", "列数", "场次", "科目", "考试时间", "已排人数", "空座", "准考证号起", "准考证号止", "考场地址", "监考"]
        let widths: [Double] = [26, 9, 12, 9, 7, 6, 7, 26, 24, 9, 7, 18, 18, 26, 16]
        for (i, title) in titles.enumerated() {
            sheet.setColumns(i, i, width: widths[i])
            sheet.write(0, i, title, header)
        }
        sheet.freeze(rows: 1)
        sheet.printLandscape()
        var sittingsOf: [Int: [Int]] = [:]
        for (k, sitting) in plan.sittings.enumerated() { sittingsOf[sitting.room, default: []].append(k) }
        var totals = (seats: 0, seated: 0)
        var line = 1
        for (r, packRoom) in job.rooms.enumerated() {
            let room = packRoom.room
            for k in sittingsOf[r] ?? [-1] {
                let seated = k >= 0 ? plan.seated(in: k) : []
                let session = k >= 0 ? plan.sittings[k].session.map { job.sessions[$0] } : nil
                let numbers = Set(seated.map(\.ticketNumber)).sorted()
                let cells: [String] = [room.site, room.siteCode, room.name, room.type, String(room.seats), String(room.columns),
                                       session?.code ?? "", session?.subject ?? "", session.map(SessionText.span) ?? "",
                                       String(seated.count), String(room.seats - seated.count), numbers.first ?? "", numbers.last ?? "",
                                       room.address, packRoom.invigilators]
                for (i, value) in cells.enumerated() { sheet.write(line, i, value, [1, 4, 5, 6, 9, 10, 11, 12].contains(i) ? text : nil) }
                totals.seats += room.seats
                totals.seated += seated.count
                line += 1
            }
        }
        sheet.write(line, 0, "合计", CellStyle(bold: true))
        sheet.write(line, 2, "\(job.rooms.count) 个考场，\(plan.sittings.count) 个考场场次", CellStyle(bold: true))
        let total = CellStyle(bold: true, text: true)
        sheet.write(line, 4, String(totals.seats), total)
        sheet.write(line, 9, String(totals.seated), total)
        sheet.write(line, 10, String(totals.seats - totals.seated), total)
    }
}
