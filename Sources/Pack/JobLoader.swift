import Foundation
import Photos
import Render
import Seating
import Yams

/// Reads a job file (YAML) into a `Job`, checking every key and value; errors name the file, line and key.
public struct JobLoader: Sendable {
    /// The room types 排考 matches against a session's mode; English words are accepted for them.
    public static let roomTypes = ["机考", "笔试", "实操"]
    static let roomTypeAliases = ["computer": "机考", "written": "笔试", "paper": "笔试", "practical": "实操"]
    static let defaultPattern = "{exam.code}{site.code:4}{room:3}{seat:2}"

    /// Finds a built-in template for a document kind (`admission-ticket`, …).
    let builtInTemplate: @Sendable (String) -> String?

    public init(builtInTemplate: @escaping @Sendable (String) -> String?) {
        self.builtInTemplate = builtInTemplate
    }

    /// Loads the job at `path`; relative paths inside it are taken from the job file's folder.
    public func load(path: String) throws -> Job {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw JobError(file: path, line: nil, key: "", zh: "无法读取任务文件（\(error.localizedDescription)）",
                           en: "cannot read the job file (\(error.localizedDescription))")
        }
        return try load(yaml: text, file: path)
    }

    /// Loads a job from `yaml`; `file` names it in errors and gives the folder relative paths start from.
    public func load(yaml: String, file: String) throws -> Job {
        let nodes = JobNodes(file: file)
        if let line = YAMLNesting.lineBeyondLimit(yaml) {
            throw JobError(file: file, line: line, key: "", zh: "嵌套超过 \(YAMLNesting.limit) 层，不是任务文件",
                           en: "nested more than \(YAMLNesting.limit) levels deep; not a job file")
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw nodes.error(nil, key: "", zh: "任务文件是空的", en: "the job file is empty")
            }
            root = node
        } catch let error as JobError {
            throw error
        } catch {
            throw nodes.error(nil, key: "", zh: "不是有效的 YAML：\(error)", en: "not valid YAML: \(error)")
        }
        let folder = (file as NSString).deletingLastPathComponent
        func resolve(_ relative: String) -> String {
            relative.hasPrefix("/") ? relative : (folder.isEmpty ? relative : (folder as NSString).appendingPathComponent(relative))
        }
        let top = try nodes.mapping(root, key: "", allowed: ["exam", "inputs", "rooms", "sessions", "seating", "ticket-number",
                                                               "documents", "ticket-per-candidate", "templates", "output", "values", "photo"])
        // exam
        guard let examNode = top["exam"] else {
            throw nodes.error(root, key: "exam", zh: "缺少考试信息（exam: title/code/date）", en: "missing (exam: title, code, date)")
        }
        let examMap = try nodes.mapping(examNode, key: "exam", allowed: ["title", "code", "date", "notices"])
        let date = try nodes.required(examMap, "date", in: examNode, key: "exam", example: "2026-05-16")
        guard Self.isDate(date) else {
            throw nodes.error(examMap["date"], key: "exam.date", zh: "“\(date)”不是日期，应写成 2026-05-16", en: "\"\(date)\" is not a date like 2026-05-16")
        }
        let exam = ExamInfo(title: try nodes.required(examMap, "title", in: examNode, key: "exam", example: "2026年上半年职业技能等级证书考试"),
                            code: try examMap["code"].map { try nodes.string($0, key: "exam.code") } ?? "",
                            date: date,
                            notices: try examMap["notices"].map { try nodes.strings($0, key: "exam.notices") } ?? [])
        // inputs
        guard let inputsNode = top["inputs"] else {
            throw nodes.error(root, key: "inputs", zh: "缺少输入文件（inputs: roster/photos）", en: "missing (inputs: roster, photos)")
        }
        let inputs = try nodes.mapping(inputsNode, key: "inputs", allowed: ["roster", "photos", "sheet"])
        let roster = resolve(try nodes.required(inputs, "roster", in: inputsNode, key: "inputs", example: "考生名单.xlsx"))
        let photos = try inputs["photos"].map { resolve(try nodes.string($0, key: "inputs.photos")) }
        let sheet = try inputs["sheet"].map { try nodes.string($0, key: "inputs.sheet") }
        // rooms
        guard let roomsNode = top["rooms"] else {
            throw nodes.error(root, key: "rooms", zh: "缺少考场（列表，或考场表文件 rooms: 考场.xlsx）", en: "missing (a list, or a table file: rooms: rooms.xlsx)")
        }
        var rooms: [PackRoom]
        var roomsFile: String?
        if case .scalar = roomsNode {
            let path = resolve(try nodes.string(roomsNode, key: "rooms"))
            roomsFile = path
            rooms = try RoomTable.read(path: path)
        } else {
            rooms = try nodes.list(roomsNode, key: "rooms").enumerated().map { try room($0.element, index: $0.offset, nodes) }
        }
        try RoomTable.number(&rooms, file: roomsFile ?? file)
        // sessions
        var sessions: [ExamSession] = []
        if let sessionsNode = top["sessions"] {
            for (index, node) in try nodes.list(sessionsNode, key: "sessions").enumerated() {
                let session = try self.session(node, index: index, nodes)
                if sessions.contains(where: { $0.subject == session.subject }) {
                    throw nodes.error(node, key: "sessions[\(index + 1)].subject", zh: "科目“\(session.subject)”重复", en: "subject \"\(session.subject)\" repeats")
                }
                sessions.append(session)
            }
        }
        for session in sessions where !rooms.contains(where: { $0.room.type == session.mode }) {
            throw nodes.error(top["sessions"], key: "sessions", zh: "科目“\(session.subject)”是\(session.mode)，但没有\(session.mode)考场",
                              en: "subject \"\(session.subject)\" is \(session.mode) but no room has that type")
        }
        // seating
        var policy = SeatingPolicy()
        policy.numbering = .rows
        if let seatingNode = top["seating"] {
            let map = try nodes.mapping(seatingNode, key: "seating", allowed: ["order", "seed", "numbering", "separate-schools"])
            let seed = try map["seed"].map { UInt64(try nodes.integer($0, key: "seating.seed", range: 0...Int.max)) }
            switch try map["order"].map({ try nodes.string($0, key: "seating.order") }) ?? "roster" {
            case "roster", "名单": policy.order = .roster
            case "sorted", "排序": policy.order = .sorted
            case "shuffle", "随机":
                guard let seed else {
                    throw nodes.error(seatingNode, key: "seating.seed", zh: "随机编排需要种子，如 seed: 20260516（同一种子得到同样的座位）",
                                      en: "shuffle needs a seed, e.g. seed: 20260516 (the same seed gives the same seats)")
                }
                policy.order = .shuffle(seed: seed)
            case let other:
                throw nodes.error(map["order"], key: "seating.order", zh: "“\(other)”：应为 roster、sorted 或 shuffle", en: "\"\(other)\": expected roster, sorted or shuffle")
            }
            if let node = map["numbering"] {
                switch try nodes.string(node, key: "seating.numbering") {
                case "rows", "按行": policy.numbering = .rows
                case "snake", "蛇形": policy.numbering = .snake
                case let other: throw nodes.error(node, key: "seating.numbering", zh: "“\(other)”：应为 rows 或 snake（蛇形）", en: "\"\(other)\": expected rows or snake")
                }
            }
            if let node = map["separate-schools"] { policy.separateSchools = try nodes.bool(node, key: "seating.separate-schools") }
        }
        // ticket numbers
        let patternText = try top["ticket-number"].map { try nodes.string($0, key: "ticket-number") } ?? Self.defaultPattern
        let pattern: TicketNumberPattern
        do { pattern = try TicketNumberPattern(patternText) } catch {
            throw nodes.error(top["ticket-number"], key: "ticket-number", zh: "准考证号格式有误：\(error)", en: "bad ticket-number pattern: \(error)")
        }
        // documents and templates
        var documents = PackDocument.allCases
        if let node = top["documents"] {
            documents = try nodes.strings(node, key: "documents").map { name in
                guard let document = PackDocument(rawValue: name) ?? PackDocument.allCases.first(where: { $0.fileName == name + ".pdf" }) else {
                    throw nodes.error(node, key: "documents", zh: "未知的文书“\(name)”（可用：\(PackDocument.allCases.map(\.rawValue).joined(separator: "、"))）",
                                      en: "unknown document \"\(name)\" (known: \(PackDocument.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return document
            }
            // Each once, in the order given.
            documents = documents.enumerated().filter { !documents[..<$0.offset].contains($0.element) }.map(\.element)
        }
        var templates: [PackDocument: String] = [:]
        let templatesMap = try top["templates"].map { try nodes.mapping($0, key: "templates", allowed: PackDocument.allCases.map(\.rawValue)) } ?? [:]
        for document in PackDocument.allCases {
            if let node = templatesMap[document.rawValue] {
                let path = resolve(try nodes.string(node, key: "templates.\(document.rawValue)"))
                guard FileManager.default.isReadableFile(atPath: path) else {
                    throw nodes.error(node, key: "templates.\(document.rawValue)", zh: "找不到模板文件 \(path)", en: "no template file at \(path)")
                }
                templates[document] = path
            } else if let path = builtInTemplate(document.rawValue) {
                templates[document] = path
            } else {
                throw nodes.error(root, key: "templates.\(document.rawValue)", zh: "找不到内置模板 \(document.rawValue).yaml（可设置 KAOWU_TEMPLATES）",
                                  en: "no built-in template \(document.rawValue).yaml (set KAOWU_TEMPLATES)")
            }
        }
        let perCandidate = try top["ticket-per-candidate"].map { try nodes.bool($0, key: "ticket-per-candidate") } ?? false
        let defaultOutput = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let output = resolve(try top["output"].map { try nodes.string($0, key: "output") } ?? defaultOutput)
        var values: [String: String] = [:]
        if let node = top["values"] {
            guard case .mapping(let mapping) = node else { throw nodes.error(node, key: "values", zh: "应为“字段: 值”", en: "expected field: value pairs") }
            for (k, v) in mapping {
                let name = try nodes.string(k, key: "values")
                values[name] = try nodes.string(v, key: "values.\(name)")
            }
        }
        var job = Job(file: file, exam: exam, roster: roster, photos: photos, sheet: sheet, roomsFile: roomsFile, rooms: rooms,
                      sessions: sessions, policy: policy, ticketPattern: pattern, ticketPatternText: patternText, documents: documents,
                      ticketPerCandidate: perCandidate, templates: templates, output: output, values: values)
        if let node = top["photo"] {
            let map = try nodes.mapping(node, key: "photo", allowed: ["width", "height", "background"])
            if let b = map["background"] {
                let text = try nodes.string(b, key: "photo.background")
                let names = ["white": "white", "白": "white", "白色": "white", "blue": "blue", "蓝": "blue", "蓝色": "blue", "red": "red", "红": "red", "红色": "red"]
                guard let colour = names[text].flatMap(BackgroundColour.init(rawValue:)) else {
                    throw nodes.error(b, key: "photo.background", zh: "“\(text)”：底色应为 white（白）、blue（蓝）或 red（红）",
                                      en: "\"\(text)\": the background must be white, blue or red")
                }
                job.photoBackground = colour
            }
            if let w = map["width"] { job.photoWidth = try nodes.integer(w, key: "photo.width", range: 50...5000) }
            if let h = map["height"] { job.photoHeight = try nodes.integer(h, key: "photo.height", range: 50...5000) }
        }
        return job
    }
}
