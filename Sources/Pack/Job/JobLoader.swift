import Foundation
import Photos
import Render
import Seating
import Support
import Yams

/// Reads a job file (YAML) into a `Job`, checking every key and value; errors name the file, line and key.
public struct JobLoader: Sendable {
    /// The room types 排考 matches against a session's mode; English words are accepted for them.
    public static let roomTypes = ["机考", "笔试", "实操"]
    static let roomTypeAliases = ["computer": "机考", "written": "笔试", "paper": "笔试", "practical": "实操"]
    static let defaultPattern = "{exam.code}{session.code}{site.code:4}{room:3}{seat:2}"

    /// Finds a built-in template for a document kind (`admission-ticket`, …).
    let builtInTemplate: @Sendable (String) -> String?

    public init(builtInTemplate: @escaping @Sendable (String) -> String?) {
        self.builtInTemplate = builtInTemplate
    }

    /// Loads the job at `path`; relative paths inside it are taken from the job file's folder.
    public func load(path: String) throws -> Job {
        let text = try JobFile.text(at: path)
        return try load(yaml: text, file: path)
    }

    /// Loads a job from `yaml`; `file` names it in errors and gives the folder relative paths start from.
    public func load(yaml: String, file: String) throws -> Job {
        let nodes = NodeReader(file: file, code: JobError.jobCode, collects: true)
        let root = try nodes.compose(yaml, notThis: LocalizedText(zh: "不是任务文件", en: "not a job file"),
                                     empty: LocalizedText(zh: "任务文件是空的", en: "the job file is empty"))
        let resolve = JobFile.resolver(for: file)
        let top = try nodes.mapping(root, key: "", allowed: ["exam", "inputs", "rooms", "sessions", "seating", "ticket-number",
                                                               "documents", "ticket-per-candidate", "templates", "output", "values", "photo", "paper"])
        // Each part is read on its own, so one run reports every mistake in the file.
        let exam = try nodes.attempt { try self.exam(top, root, nodes) }
        let inputs = try nodes.attempt { () -> (roster: String, photos: String?, sheet: String?) in
            guard let inputsNode = top["inputs"] else {
                throw nodes.error(root, key: "inputs", zh: "缺少输入文件（inputs: roster/photos）", en: "missing (inputs: roster, photos)")
            }
            let inputs = try nodes.mapping(inputsNode, key: "inputs", allowed: ["roster", "photos", "sheet"])
            return (resolve(try nodes.required(inputs, "roster", in: inputsNode, key: "inputs", example: "考生名单.xlsx")),
                    try inputs["photos"].map { resolve(try nodes.text($0, key: "inputs.photos")) },
                    try inputs["sheet"].map { try nodes.text($0, key: "inputs.sheet") })
        }
        // rooms
        var roomsFile: String?
        var rooms: [PackRoom]?
        if let roomsNode = top["rooms"] {
            if case .scalar = roomsNode {
                rooms = try nodes.attempt {
                    let path = resolve(try nodes.text(roomsNode, key: "rooms"))
                    roomsFile = path
                    return try RoomTable.read(path: path)
                }
            } else if let items = try nodes.attempt({ try nodes.list(roomsNode, key: "rooms") }) {
                let read = try items.enumerated().map { item in try nodes.attempt { try room(item.element, index: item.offset, nodes) } }
                rooms = read.contains { $0 == nil } ? nil : read.compactMap { $0 }
            }
            if var numbered = rooms {
                rooms = try nodes.attempt { try RoomTable.number(&numbered, file: roomsFile ?? file); return numbered }
            }
        } else {
            nodes.report(nodes.error(root, key: "rooms", zh: "缺少考场（列表，或考场表文件，如“rooms: 考场.xlsx”）", en: "missing (a list, or a table file: rooms: rooms.xlsx)"))
        }
        // sessions
        var sessions: [ExamSession] = []
        if let sessionsNode = top["sessions"], let items = try nodes.attempt({ try nodes.list(sessionsNode, key: "sessions") }) {
            for (index, node) in items.enumerated() {
                guard let session = try nodes.attempt({ try self.session(node, index: index, nodes) }) else { continue }
                if sessions.contains(where: { $0.subject == session.subject }) {
                    nodes.report(nodes.error(node, key: "sessions[\(index + 1)].subject", zh: "科目“\(session.subject)”重复", en: "subject \"\(session.subject)\" repeats"))
                    continue
                }
                if let rooms, !rooms.contains(where: { $0.room.type == session.mode }) {
                    nodes.report(nodes.error(node, key: "sessions[\(index + 1)].mode", zh: "科目“\(session.subject)”是\(session.mode)，但没有\(session.mode)考场",
                                             en: "subject \"\(session.subject)\" is \(session.mode) but no room has that type"))
                }
                sessions.append(session)
            }
        }
        let policy = try nodes.attempt { try seating(top["seating"], nodes) }
        // ticket numbers
        // "{…}", or {pattern: "{…}", per: candidate|session}
        let numbering = try nodes.attempt { () -> (text: String, unit: TicketUnit, node: Node?) in
            guard let node = top["ticket-number"] else { return (Self.defaultPattern, .candidate, nil) }
            if case .mapping = node {
                let map = try nodes.mapping(node, key: "ticket-number", allowed: ["pattern", "per"])
                let text = try map["pattern"].map { try nodes.text($0, key: "ticket-number.pattern") } ?? Self.defaultPattern
                var unit = TicketUnit.candidate
                if let per = map["per"] {
                    switch try nodes.text(per, key: "ticket-number.per") {
                    case "candidate", "考生": unit = .candidate
                    case "session", "场次": unit = .session
                    case let other:
                        throw nodes.error(per, key: "ticket-number.per", zh: "“\(other)”：应为 candidate（每位考生一个准考证号）或 session（每个场次一个）",
                                          en: "\"\(other)\": expected candidate (one number per candidate) or session (one per session)")
                    }
                }
                return (text, unit, map["pattern"] ?? node)
            }
            return (try nodes.text(node, key: "ticket-number"), .candidate, node)
        }
        let patternText = numbering?.text
        let pattern = try numbering.flatMap { numbering in
            try nodes.attempt { () throws -> TicketNumberPattern in
                do { return try TicketNumberPattern(numbering.text) } catch let failure as TicketNumberPattern.Failure {
                    throw nodes.error(numbering.node, key: "ticket-number", zh: "准考证号格式有误：\(failure.text.zh)", en: "bad ticket-number pattern: \(failure.text.en)")
                }
            }
        }
        let roomSessions = try nodes.attempt { try Self.roomSessions(rooms ?? [], sessions: sessions, file: file) }
        let documents = try nodes.attempt { try self.documents(top["documents"], nodes) }
        let paper = try nodes.attempt { try JobPaper.read(top["paper"], nodes) }
        let templates = try nodes.attempt { try self.templates(top["templates"], root: root, labels: paper?.labels, resolve: resolve, nodes) }
        let perCandidate = try nodes.attempt { try top["ticket-per-candidate"].map { try nodes.bool($0, key: "ticket-per-candidate") } ?? false }
        let defaultOutput = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let output = try nodes.attempt { resolve(try top["output"].map { try nodes.text($0, key: "output") } ?? defaultOutput) }
        let values = try nodes.attempt { try Self.values(top["values"], nodes) }
        let photo = try nodes.attempt { try Self.photoRules(top["photo"], nodes) }
        if let exam, let pattern, perCandidate == true {
            try nodes.attempt { try Self.checkTicketFileName(pattern, exam: exam, rooms: rooms ?? [], sessions: sessions, node: top["ticket-number"], nodes) }
        }
        try nodes.throwIfAny()
        guard let exam, let inputs, let rooms, let policy, let pattern, let patternText, let numbering, let documents, let templates, let perCandidate,
              let output, let values, let photo, let paper, let roomSessions else {
            throw nodes.error(root, key: "", zh: "任务文件无法读取", en: "the job file cannot be read")
        }
        var job = Job(file: file, exam: exam, roster: inputs.roster, photos: inputs.photos, sheet: inputs.sheet, roomsFile: roomsFile, rooms: rooms,
                      sessions: sessions, policy: policy, ticketPattern: pattern, ticketPatternText: patternText, documents: documents,
                      ticketPerCandidate: perCandidate, templates: templates, output: output, values: values)
        job.paper = paper
        job.ticketUnit = numbering.unit
        job.roomSessions = roomSessions
        job.photo.requiredBackground = photo.requiredBackground
        job.photo.width = photo.width
        job.photo.height = photo.height
        return job
    }

    /// The sessions each room that names some is open in (room index → session indices); a name that is
    /// neither a session's code nor its subject is an error naming the room.
    static func roomSessions(_ rooms: [PackRoom], sessions: [ExamSession], file: String) throws -> [Int: Set<Int>] {
        var open: [Int: Set<Int>] = [:]
        for (r, room) in rooms.enumerated() {
            guard let names = room.sessions else { continue }
            var set = Set<Int>()
            for name in names {
                let key = SeatingPlanner.normalize(name)
                guard let s = sessions.indices.first(where: { (!sessions[$0].code.isEmpty && sessions[$0].code == name) || SeatingPlanner.normalize(sessions[$0].subject) == key }) else {
                    let known = sessions.map { $0.code.isEmpty ? $0.subject : $0.code }
                    throw JobError.job(file: file, line: room.origin.split(separator: ":").last.flatMap { Int($0) }, key: "rooms.sessions",
                                       zh: "考场“\(room.room.name)”的场次“\(name)”不是本次考试的场次（可用：\(known.joined(separator: "、"))）",
                                       en: "room \(room.room.name): session \"\(name)\" is not one of this exam's (known: \(known.joined(separator: ", ")))")
                }
                set.insert(s)
            }
            open[r] = set
        }
        return open
    }
}
