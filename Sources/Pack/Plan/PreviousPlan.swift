import Foundation
import Render
import Roster
import Seating
import Support

/// The seats of an earlier pack, read from its 排考明细.xlsx (`kaowu pack --keep`): every registration's
/// site, room, seat and 准考证号 by document number and subject, so a re-run keeps them and seats only newcomers.
struct PreviousPlan: Sendable {
    struct Entry: Sendable, Equatable {
        var site: String
        var room: String
        var seat: Int
        var ticketNumber: String
    }

    /// Document number and subject → previous seat.
    var entries: [RegistrationKey: Entry]

    /// Columns of the 排考明细 sheet this reader needs (as `PlanWorkbook` writes them).
    static let needed = [PlanWorkbook.Column.id, .subject, .site, .room, .seat, .ticketNumber]

    /// Reads `path` (the 排考明细 sheet of a pack's 排考明细.xlsx).
    static func read(path: String) throws -> PreviousPlan {
        let reader: TableReader
        do { reader = try RosterFile.open(path: path, sheet: PlanWorkbook.sheetName) } catch {
            throw JobError.job(file: path, line: nil, key: "--keep", zh: "无法读取上次的排考明细（\(error)）", en: "cannot read the previous plan (\(error))")
        }
        var columns: [PlanWorkbook.Column: Int]?
        var entries: [RegistrationKey: Entry] = [:]
        let finder = HeaderFinder<PlanWorkbook.Column>(match: { text in PlanWorkbook.Column.allCases.first { $0.title == text } },
                                                      isHeader: { found in needed.allSatisfy { found[$0] != nil } })
        while true {
            let next: TableRow?
            do { next = try reader.nextRow() } catch {
                throw JobError.job(file: path, line: nil, key: "--keep", zh: "上次的排考明细已损坏（\(error)）", en: "the previous plan is damaged (\(error))")
            }
            guard let row = next else { break }
            guard let header = columns else {
                columns = finder.header(in: row)?.columns
                continue
            }
            if row.isBlank { continue }
            // Site and room as written (they are matched with the rooms as keys, see PackPlan), the rest as keys.
            func text(_ column: PlanWorkbook.Column) -> String { TextCleaner.asWritten(row[header[column]!].text) }
            let key = TextCleaner.documentNumber(row[header[.id]!].text)
            guard !key.isEmpty else { continue }
            guard let seat = Int(TextCleaner.key(text(.seat))) else {
                throw JobError.job(file: path, line: row.number, key: "列 \(columnLetters(header[.seat]!))",
                               zh: "座位号“\(text(.seat))”不是数字", en: "seat \"\(text(.seat))\" is not a number")
            }
            let registration = RegistrationKey(person: key, subject: text(.subject))
            if entries[registration] != nil {
                throw JobError.job(file: path, line: row.number, key: "列 \(columnLetters(header[.id]!))",
                               zh: "证件号码 \(key) 的科目“\(text(.subject))”出现两次", en: "ID \(key) with subject \(text(.subject)) appears twice")
            }
            entries[registration] = Entry(site: text(.site), room: text(.room), seat: seat, ticketNumber: TextCleaner.key(text(.ticketNumber)))
        }
        guard columns != nil else {
            throw JobError.job(file: path, line: nil, key: "--keep",
                           zh: "不是 kaowu 的排考明细：“\(PlanWorkbook.sheetName)”表缺少列 \(needed.map(\.title).joined(separator: "、"))",
                           en: "not a kaowu plan: the \(PlanWorkbook.sheetName) sheet lacks the columns \(needed.map(\.title).joined(separator: ", "))")
        }
        return PreviousPlan(entries: entries)
    }
}
