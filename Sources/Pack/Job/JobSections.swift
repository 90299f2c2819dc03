import Documents
import Foundation
import Photos
import Render
import Seating
import Support
import Yams

/// Reading the job file's sections that are not rooms or sessions: exam, seating, documents, templates,
/// photo rules, and the check that per-candidate file names fit.
extension JobLoader {
    func exam(_ top: [String: Node], _ root: Node, _ nodes: NodeReader) throws -> ExamInfo {
        guard let examNode = top["exam"] else {
            throw nodes.error(root, key: "exam", zh: "缺少考试信息（exam: title/code/date）", en: "missing (exam: title, code, date)")
        }
        let map = try nodes.mapping(examNode, key: "exam", allowed: ["title", "code", "date", "notices"])
        let title = try nodes.attempt { try nodes.required(map, "title", in: examNode, key: "exam", example: "2026年上半年职业技能等级证书考试") }
        let date = try nodes.attempt { () -> String in
            let date = try nodes.required(map, "date", in: examNode, key: "exam", example: "2026-05-16")
            guard Self.isDate(date) else {
                throw nodes.error(map["date"], key: "exam.date", zh: "“\(date)”不是 \(Self.years.lowerBound)–\(Self.years.upperBound) 年间的真实日期，应写成 2026-05-16",
                                  en: "\"\(date)\" is not a real date in \(Self.years.lowerBound)–\(Self.years.upperBound) like 2026-05-16")
            }
            return date
        }
        let code = try nodes.attempt { try map["code"].map { try nodes.text($0, key: "exam.code") } ?? "" }
        let notices = try nodes.attempt { try map["notices"].map { try nodes.strings($0, key: "exam.notices") } ?? [] }
        guard let title, let date, let code, let notices else { throw nodes.error(examNode, key: "exam", zh: "考试信息有误", en: "the exam block has mistakes") }
        return ExamInfo(title: title, code: code, date: date, notices: notices)
    }

    func seating(_ node: Node?, _ nodes: NodeReader) throws -> SeatingPolicy {
        var policy = SeatingPolicy()
        policy.numbering = .rows
        guard let node else { return policy }
        let map = try nodes.mapping(node, key: "seating", allowed: ["order", "seed", "numbering", "separate-schools", "same-seat"])
        let seed = try map["seed"].map { UInt64(try nodes.integer($0, key: "seating.seed", range: 0...Int.max)) }
        switch try map["order"].map({ try nodes.text($0, key: "seating.order") }) ?? "roster" {
        case "roster", "名单": policy.order = .roster
        case "sorted", "排序": policy.order = .sorted
        case "shuffle", "随机":
            guard let seed else {
                throw nodes.error(node, key: "seating.seed", zh: "随机编排需要种子，如 seed: 20260516（同一种子得到同样的座位）",
                                  en: "shuffle needs a seed, e.g. seed: 20260516 (the same seed gives the same seats)")
            }
            policy.order = .shuffle(seed: seed)
        case let other:
            throw nodes.error(map["order"], key: "seating.order", zh: "“\(other)”：应为 roster、sorted 或 shuffle", en: "\"\(other)\": expected roster, sorted or shuffle")
        }
        if let numbering = map["numbering"] {
            switch try nodes.text(numbering, key: "seating.numbering") {
            case "rows", "按行": policy.numbering = .rows
            case "snake", "蛇形": policy.numbering = .snake
            case let other: throw nodes.error(numbering, key: "seating.numbering", zh: "“\(other)”：应为 rows 或 snake（蛇形）", en: "\"\(other)\": expected rows or snake")
            }
        }
        if let separate = map["separate-schools"] { policy.separateSchools = try nodes.bool(separate, key: "seating.separate-schools") }
        if let sameSeat = map["same-seat"] {
            switch try nodes.text(sameSeat, key: "seating.same-seat") {
            case "prefer", "尽量": policy.preferSameSeat = true
            case "no", "any", "不限": policy.preferSameSeat = false
            case let other:
                throw nodes.error(sameSeat, key: "seating.same-seat", zh: "“\(other)”：应为 prefer（同一考生各场次尽量同一考场同一座位）或 no",
                                  en: "\"\(other)\": expected prefer (keep a candidate's room and seat across sessions where possible) or no")
            }
        }
        return policy
    }

    func documents(_ node: Node?, _ nodes: NodeReader) throws -> [PaperKind] {
        guard let node else { return PaperKind.examPack }
        let documents = try nodes.strings(node, key: "documents").map { name in
            guard let document = PaperKind(rawValue: name) ?? PaperKind.examPack.first(where: { $0.fileName == name + ".pdf" }) else {
                throw nodes.error(node, key: "documents", zh: "未知的文书“\(name)”（可用：\(PaperKind.examPack.map(\.rawValue).joined(separator: "、"))）",
                                  en: "unknown document \"\(name)\" (known: \(PaperKind.examPack.map(\.rawValue).joined(separator: ", ")))")
            }
            return document
        }
        // Each once, in the order given.
        return documents.enumerated().filter { !documents[..<$0.offset].contains($0.element) }.map(\.element)
    }

    func templates(_ node: Node?, root: Node, labels: LabelPreset?, resolve: (String) -> String, _ nodes: NodeReader) throws -> [PaperKind: String] {
        var templates: [PaperKind: String] = [:]
        let map = try node.map { try nodes.mapping($0, key: "templates", allowed: PaperKind.examPack.map(\.rawValue)) } ?? [:]
        for document in PaperKind.examPack {
            if let given = map[document.rawValue] {
                let path = resolve(try nodes.text(given, key: "templates.\(document.rawValue)"))
                guard ![.missing, .folder].contains(FilePath.kind(of: path)), FileManager.default.isReadableFile(atPath: path) else {
                    throw nodes.error(given, key: "templates.\(document.rawValue)", zh: "找不到模板文件 \(path)", en: "no template file at \(path)")
                }
                templates[document] = path
            } else if let path = builtInTemplate(BuiltInTemplates.name(for: document.rawValue, labels: labels)) {
                templates[document] = path
            } else {
                let name = BuiltInTemplates.name(for: document.rawValue, labels: labels)
                throw nodes.error(root, key: "templates.\(document.rawValue)", zh: "找不到内置模板 \(name).yaml（可设置 KAOWU_TEMPLATES）",
                                  en: "no built-in template \(name).yaml (set KAOWU_TEMPLATES)")
            }
        }
        return templates
    }

    /// `photo: {width, height, background}` of a job file (a pack's or a certificate job's): the photo rules.
    package static func photoRules(_ node: Node?, _ nodes: NodeReader) throws -> PhotoRules {
        var rules = PhotoRules()
        guard let node else { return rules }
        let map = try nodes.mapping(node, key: "photo", allowed: ["width", "height", "background"])
        if let b = map["background"] {
            let text = try nodes.text(b, key: "photo.background")
            guard let colour = BackgroundColour.named(text) else {
                throw nodes.error(b, key: "photo.background", zh: "“\(text)”：底色应为 white（白）、blue（蓝）或 red（红）",
                                  en: "\"\(text)\": the background must be white, blue or red")
            }
            rules.requiredBackground = colour
        }
        if let w = map["width"] { rules.width = try nodes.integer(w, key: "photo.width", range: 50...5000) }
        if let h = map["height"] { rules.height = try nodes.integer(h, key: "photo.height", range: 50...5000) }
        return rules
    }

    /// `values: {field: text, …}` of a job file: more template values, each field once.
    package static func values(_ node: Node?, _ nodes: NodeReader) throws -> [String: String] {
        var values: [String: String] = [:]
        guard let node else { return values }
        guard case .mapping(let mapping) = node else { throw nodes.error(node, key: "values", zh: "应为“字段: 值”", en: "expected field: value pairs") }
        for (k, v) in mapping {
            let name = try nodes.text(k, key: "values")
            guard values[name] == nil else {
                throw nodes.error(k, key: "values.\(name)", zh: "重复的字段 \(name)，只能写一次", en: "repeated field \(name); give it once")
            }
            values[name] = try nodes.text(v, key: "values.\(name)")
        }
        return values
    }

    /// With one ticket file per candidate, the 准考证号 is a file name: it must fit without being cut
    /// (cut names would collide), whatever the room, seat and session.
    static func checkTicketFileName(_ pattern: TicketNumberPattern, exam: ExamInfo, rooms: [PackRoom], sessions: [ExamSession],
                                    node: Node?, _ nodes: NodeReader) throws {
        let longestSite = rooms.map(\.room.siteCode).max { $0.count < $1.count } ?? ""
        let longestSession = sessions.map(\.code).max { $0.count < $1.count } ?? ""
        let sample = (try? pattern.make(["exam.code": exam.code, "site.code": longestSite, "room": "1", "seat": "1", "seq": "1",
                                         "session.code": longestSession])) ?? ""
        let name = RoomFolders.safe(sample, fallback: "_", limit: .max)
        guard name.count <= RoomFolders.nameLimit else {
            throw nodes.error(node, key: "ticket-number", zh: "准考证号有 \(name.count) 个字符，作为每位考生的文件名（ticket-per-candidate）最多 \(RoomFolders.nameLimit) 个字符；请缩短 exam.code 或格式",
                              en: "ticket numbers are \(name.count) characters long; as per-candidate file names (ticket-per-candidate) they may have at most \(RoomFolders.nameLimit); shorten exam.code or the pattern")
        }
    }
}
