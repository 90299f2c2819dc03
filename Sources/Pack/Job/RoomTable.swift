import Foundation
import Render
import Roster
import Seating
import Support
import Validation

/// Reads exam rooms from a table (xlsx, xls or csv, as exam offices keep them): one row per room, with a
/// header row naming 考点, 考点代码, 考点地址, 考场, 考场类型, 座位数, 列数, 考场地址, 监考, 场次 (the sessions the room
/// is open in, by code or subject, 、-separated; blank for all) (English words too).
enum RoomTable {
    enum Column: CaseIterable {
        case site, siteCode, siteAddress, name, type, seats, columns, address, invigilators, sessions

        var aliases: [String] {
            switch self {
            case .site: return ["考点", "考点名称", "考核站点", "site"]
            case .siteCode: return ["考点代码", "考点编号", "考点编码", "sitecode"]
            case .siteAddress: return ["考点地址", "siteaddress"]
            case .name: return ["考场", "考场名称", "考场名", "room", "roomname", "name"]
            case .type: return ["考场类型", "类型", "type"]
            case .seats: return ["座位数", "考场座位数", "座位", "seats", "capacity"]
            case .columns: return ["列数", "每排座位", "座位列数", "columns"]
            case .address: return ["考场地址", "考场位置", "位置", "地址", "address", "location"]
            case .invigilators: return ["监考", "监考人员", "监考老师", "invigilators"]
            case .sessions: return ["场次", "使用场次", "可用场次", "sessions"]
            }
        }
    }

    /// The rooms in `path`; a wrong or missing value is an error naming the row and column.
    static func read(path: String) throws -> [PackRoom] {
        let reader: TableReader
        do { reader = try RosterFile.open(path: path) } catch let error as RosterError {
            throw JobError.job(file: path, line: error.row, key: "rooms", zh: "考场表无法读取：\(error.zh)", en: "cannot read the rooms table: \(error.en)")
        } catch {
            throw JobError.job(file: path, line: nil, key: "rooms", zh: "考场表无法读取（\(error)）", en: "cannot read the rooms table (\(error))")
        }
        var header: [Column: Int]?
        var rooms: [PackRoom] = []
        func fail(_ row: Int, _ column: Int?, zh: String, en: String) -> JobError {
            JobError.job(file: path, line: row, key: column.map { "列 \(columnLetters($0))" } ?? "", zh: zh, en: en)
        }
        let finder = HeaderFinder<Column>(match: { cell in
            let text = cell.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "*", with: "").lowercased()
            return Column.allCases.first { $0.aliases.contains(text) }
        }, isHeader: { $0[.name] != nil && $0[.seats] != nil })
        while let row = try readRow(reader, path) {
            guard let columns = header else {
                header = finder.header(in: row)?.columns
                if header == nil && row.number >= 10 {
                    throw fail(row.number, nil, zh: "前 10 行里找不到表头（至少要有“考场”和“座位数”两列）", en: "no header in the first 10 rows (need 考场/room and 座位数/seats)")
                }
                continue
            }
            if row.isBlank { continue }
            // What is printed (site, room, addresses, invigilators) as written; numbers, the type and the
            // site code (part of ticket numbers) as keys.
            func text(_ column: Column) -> String { columns[column].map { TextCleaner.asWritten(row[$0].text) } ?? "" }
            func key(_ column: Column) -> String { columns[column].map { TextCleaner.key(row[$0].text) } ?? "" }
            let name = text(.name)
            guard !name.isEmpty else { throw fail(row.number, columns[.name], zh: "考场名称为空", en: "the room name is empty") }
            let seatsText = key(.seats)
            guard let seats = Int(seatsText), (1...2000).contains(seats) else {
                throw fail(row.number, columns[.seats], zh: "座位数“\(seatsText)”应为 1–2000 的整数", en: "seats \"\(seatsText)\" must be a whole number 1–2000")
            }
            let columnsText = key(.columns)
            var columnCount = defaultColumns(seats: seats)
            if !columnsText.isEmpty {
                guard let c = Int(columnsText), (1...100).contains(c) else {
                    throw fail(row.number, columns[.columns], zh: "列数“\(columnsText)”应为 1–100 的整数", en: "columns \"\(columnsText)\" must be a whole number 1–100")
                }
                columnCount = c
            }
            let typeText = key(.type)
            guard let type = JobLoader.roomType(typeText.isEmpty ? "笔试" : typeText) else {
                throw fail(row.number, columns[.type], zh: "考场类型“\(typeText)”应为 机考、笔试 或 实操", en: "room type \"\(typeText)\" must be 机考, 笔试 or 实操")
            }
            let site = text(.site)
            guard !site.isEmpty else { throw fail(row.number, columns[.site], zh: "考点为空", en: "the site is empty") }
            let room = Room(site: site, siteCode: key(.siteCode), name: name, type: type, seats: seats, columns: columnCount,
                            address: text(.address), number: 0)
            // 场次: the sessions the room is open in (codes or subjects, 、-separated); blank: every session.
            let sessions = Registration.subjects(in: text(.sessions)).filter { !$0.isEmpty }
            rooms.append(PackRoom(room: room, siteAddress: text(.siteAddress), invigilators: text(.invigilators), origin: "\(path):\(row.number)",
                                  sessions: sessions.isEmpty ? nil : sessions))
        }
        guard header != nil else {
            throw JobError.job(file: path, line: nil, key: "rooms", zh: "考场表没有表头（至少要有“考场”和“座位数”两列）", en: "the rooms table has no header (need 考场/room and 座位数/seats)")
        }
        guard !rooms.isEmpty else { throw JobError.job(file: path, line: nil, key: "rooms", zh: "考场表里没有考场", en: "the rooms table lists no room") }
        return rooms
    }

    private static func readRow(_ reader: TableReader, _ path: String) throws -> TableRow? {
        do { return try reader.nextRow() } catch let error as RosterError {
            throw JobError.job(file: path, line: error.row, key: "rooms", zh: "考场表损坏：\(error.zh)", en: "the rooms table is damaged: \(error.en)")
        } catch {
            throw JobError.job(file: path, line: nil, key: "rooms", zh: "考场表损坏（\(error)）", en: "the rooms table is damaged (\(error))")
        }
    }

    /// Desks per row when the job does not say: 5 up to 30 seats, 6 up to 48, else 8.
    static func defaultColumns(seats: Int) -> Int { seats <= 30 ? 5 : seats <= 48 ? 6 : 8 }

    /// Numbers rooms within their site (1, 2, …, the `{room}` of ticket numbers) and checks that a room is
    /// not listed twice and that a site has one code.
    static func number(_ rooms: inout [PackRoom], file: String) throws {
        guard !rooms.isEmpty else { throw JobError.job(file: file, line: nil, key: "rooms", zh: "没有考场", en: "no rooms") }
        var counts: [String: Int] = [:]
        var codes: [String: String] = [:]
        var seen: [String: String] = [:]
        for i in rooms.indices {
            let r = rooms[i].room
            let key = r.site + "\u{1F}" + r.name
            if let first = seen[key] {
                throw JobError.job(file: file, line: nil, key: "rooms", zh: "考点“\(r.site)”的考场“\(r.name)”重复（\(first) 与 \(rooms[i].origin)）",
                               en: "room \"\(r.name)\" of site \"\(r.site)\" is listed twice (\(first) and \(rooms[i].origin))")
            }
            seen[key] = rooms[i].origin
            if let code = codes[r.site], code != r.siteCode {
                throw JobError.job(file: file, line: nil, key: "rooms", zh: "考点“\(r.site)”有两个代码：“\(code)”和“\(r.siteCode)”（\(rooms[i].origin)）",
                               en: "site \"\(r.site)\" has two codes, \"\(code)\" and \"\(r.siteCode)\" (\(rooms[i].origin))")
            }
            codes[r.site] = r.siteCode
            counts[r.site, default: 0] += 1
            rooms[i].room.number = counts[r.site]!
        }
        // Folder names lose characters file systems refuse; two rooms must not end up in one folder.
        var folders: [String: String] = [:]
        for room in rooms {
            let folder = RoomFolders.safe(room.room.site, fallback: room.room.siteCode) + "/" + RoomFolders.safe(room.room.name, fallback: String(room.room.number))
            if let other = folders[folder] {
                throw JobError.job(file: file, line: nil, key: "rooms", zh: "考场“\(other)”和“\(room.room.site) \(room.room.name)”的文件夹名相同（\(folder)）：请改一个名字",
                               en: "rooms \"\(other)\" and \"\(room.room.site) \(room.room.name)\" would share the folder \(folder): rename one")
            }
            folders[folder] = room.room.site + " " + room.room.name
        }
    }
}
