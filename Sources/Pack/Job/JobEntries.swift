import Support
import Foundation
import Render
import Seating
import Yams

/// Reading one room or one session of a job file, and the value formats they use.
extension JobLoader {
    func room(_ node: Node, index: Int, _ nodes: NodeReader) throws -> PackRoom {
        let key = "rooms[\(index + 1)]"
        let map = try nodes.mapping(node, key: key, allowed: ["site", "site-code", "site-address", "name", "type", "seats", "columns", "address", "invigilators", "sessions"])
        let typeText = try nodes.required(map, "type", in: node, key: key, example: "机考")
        guard let type = Self.roomType(typeText) else {
            throw nodes.error(map["type"], key: key + ".type", zh: "“\(typeText)”：考场类型应为 机考、笔试 或 实操", en: "\"\(typeText)\": the type must be 机考, 笔试 or 实操")
        }
        guard let seatsNode = map["seats"] else { throw nodes.error(node, key: key + ".seats", zh: "缺少座位数", en: "missing the number of seats") }
        let seats = try nodes.integer(seatsNode, key: key + ".seats", range: 1...2000)
        let columns = try map["columns"].map { try nodes.integer($0, key: key + ".columns", range: 1...100) } ?? RoomTable.defaultColumns(seats: seats)
        let room = Room(site: try nodes.required(map, "site", in: node, key: key, example: "上海信息技术职业学院考点"),
                        siteCode: try map["site-code"].map { try nodes.text($0, key: key + ".site-code") } ?? "",
                        name: try nodes.required(map, "name", in: node, key: key, example: "第01考场"),
                        type: type, seats: seats, columns: columns,
                        address: try map["address"].map { try nodes.text($0, key: key + ".address") } ?? "", number: 0)
        return PackRoom(room: room, siteAddress: try map["site-address"].map { try nodes.text($0, key: key + ".site-address") } ?? "",
                        invigilators: try map["invigilators"].map { try nodes.strings($0, key: key + ".invigilators").joined(separator: "、") } ?? "",
                        origin: "\(nodes.file):\(node.mark?.line ?? 0)",
                        sessions: try map["sessions"].map { try nodes.strings($0, key: key + ".sessions") })
    }

    func session(_ node: Node, index: Int, _ nodes: NodeReader) throws -> ExamSession {
        let key = "sessions[\(index + 1)]"
        let map = try nodes.mapping(node, key: key, allowed: ["subject", "code", "mode", "start", "end"])
        let modeText = try nodes.required(map, "mode", in: node, key: key, example: "机考")
        guard let mode = Self.roomType(modeText) else {
            throw nodes.error(map["mode"], key: key + ".mode", zh: "“\(modeText)”：考试方式应为 机考、笔试 或 实操", en: "\"\(modeText)\": the mode must be 机考, 笔试 or 实操")
        }
        let start = try nodes.required(map, "start", in: node, key: key, example: "2026-05-16 08:30")
        guard Self.isDateTime(start) else {
            throw nodes.error(map["start"], key: key + ".start", zh: "“\(start)”不是真实的日期和时间，应写成 2026-05-16 08:30",
                              en: "\"\(start)\" is not a real date and time like 2026-05-16 08:30")
        }
        var end = try nodes.required(map, "end", in: node, key: key, example: "10:00")
        if Self.isTime(end) { end = String(start.prefix(10)) + " " + end }
        guard Self.isDateTime(end), end > start else {
            throw nodes.error(map["end"], key: key + ".end", zh: "“\(end)”应为开始之后的时间，如 10:00 或 2026-05-16 10:00",
                              en: "\"\(end)\" should be a time after the start, e.g. 10:00 or 2026-05-16 10:00")
        }
        return ExamSession(subject: try nodes.required(map, "subject", in: node, key: key, example: "理论知识"),
                           code: try map["code"].map { try nodes.text($0, key: key + ".code") } ?? "",
                           mode: mode, start: start, end: end)
    }

    static func roomType(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if roomTypes.contains(t) { return t }
        if let alias = roomTypeAliases[t.lowercased()] { return alias }
        if let match = roomTypes.first(where: { t.hasPrefix($0) }) { return match }      // 机考考场
        return nil
    }

    /// The years an exam date may fall in (zip files date their entries 1980–2107).
    static let years = 1980...2099

    /// A real calendar date written `YYYY-MM-DD` in `years`.
    static func isDate(_ text: String) -> Bool {
        guard text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil,
              let date = CivilDate.parse(text) else { return false }
        return years.contains(date.year)
    }

    /// A real time of day written `HH:MM` (00:00–23:59).
    static func isTime(_ text: String) -> Bool {
        guard text.range(of: #"^\d{2}:\d{2}$"#, options: .regularExpression) != nil else { return false }
        let parts = text.split(separator: ":").compactMap { Int($0) }
        return parts.count == 2 && (0...23).contains(parts[0]) && (0...59).contains(parts[1])
    }

    /// A real date and time written `YYYY-MM-DD HH:MM`.
    static func isDateTime(_ text: String) -> Bool {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        return parts.count == 2 && isDate(String(parts[0])) && isTime(String(parts[1]))
    }
}
