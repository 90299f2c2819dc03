import Documents
import Foundation
import Render
import Seating
import Support
import Yams

/// Reads a course job (YAML with `course:` instead of `exam:`) into a `CourseJob`, checking every key and
/// value; mistakes name the file, line and key (`job.invalid`), all of them in one run. Relative paths are
/// taken from the job file's folder.
public struct CourseJobLoader: Sendable {
    /// The card-number pattern when the job gives none: `PX2607` `01` `001`.
    static let defaultPattern = "{course.code}{class:2}{seq:3}"
    /// The fields a card-number pattern may use.
    static let patternFields: Set<String> = ["course.code", "class", "seq"]
    /// The keys a course job may have.
    static let topKeys = ["course", "inputs", "photo", "classes", "sessions", "seating", "card-number", "documents", "templates", "output", "values"]

    /// Finds a built-in template for a document kind (`attendance-card`, …).
    let builtInTemplate: @Sendable (String) -> String?

    public init(builtInTemplate: @escaping @Sendable (String) -> String?) {
        self.builtInTemplate = builtInTemplate
    }

    /// Whether the job file at `path` describes a course (its top level has `course:`); a file that cannot
    /// be read as YAML is not (the exam job's loader then says what is wrong with it).
    public static func describesCourse(path: String) -> Bool {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), YAMLNesting.lineBeyondLimit(text) == nil,
              let root = try? Yams.compose(yaml: text), case .mapping(let mapping) = root else { return false }
        return mapping.keys.contains { $0.string == "course" }
    }

    /// Loads the job at `path`.
    public func load(path: String) throws -> CourseJob {
        let text = try JobFile.text(at: path)
        return try load(yaml: text, file: path)
    }

    /// Loads a job from `yaml`; `file` names it in mistakes and gives the folder relative paths start from.
    public func load(yaml: String, file: String) throws -> CourseJob {
        let nodes = NodeReader(file: file, code: JobError.jobCode, collects: true)
        let root = try nodes.compose(yaml, notThis: LocalizedText(zh: "不是任务文件", en: "not a job file"),
                                     empty: LocalizedText(zh: "任务文件是空的", en: "the job file is empty"))
        let resolve = JobFile.resolver(for: file)
        // exam: beside course: is named as such, not as an unknown key.
        var allowed = Self.topKeys
        if case .mapping(let mapping) = root, let exam = mapping.keys.first(where: { $0.string == "exam" }) {
            nodes.report(nodes.error(exam, key: "exam", zh: "任务文件写的是培训班（course:），不能同时有考试（exam:）：请分成两个任务文件",
                                     en: "the job describes a course (course:); it cannot also have exam: — write two job files"))
            allowed.append("exam")
        }
        let top = try nodes.mapping(root, key: "", allowed: allowed)
        let course = try nodes.attempt { try self.course(top["course"], root, nodes) }
        let inputs = try nodes.attempt { () -> (roster: String, photos: String?, sheet: String?) in
            guard let inputsNode = top["inputs"] else {
                throw nodes.error(root, key: "inputs", zh: "缺少输入文件（inputs: roster/photos）", en: "missing (inputs: roster, photos)")
            }
            let inputs = try nodes.mapping(inputsNode, key: "inputs", allowed: ["roster", "photos", "sheet"])
            return (resolve(try nodes.required(inputs, "roster", in: inputsNode, key: "inputs", example: "学员名单.xlsx")),
                    try inputs["photos"].map { resolve(try nodes.text($0, key: "inputs.photos")) },
                    try inputs["sheet"].map { try nodes.text($0, key: "inputs.sheet") })
        }
        // Classes and sessions report each mistake of theirs and give nil when there was one; the classes read
        // are still used to check the names sessions give.
        let classes = try nodes.attempt { try self.classes(top["classes"], root, nodes) }
        let sessions = try nodes.attempt { try self.sessions(top["sessions"], root, classes: classes?.read, complete: classes?.complete ?? false, nodes) } ?? nil
        let order = try nodes.attempt { try self.order(top["seating"], nodes) }
        let patternText = try nodes.attempt { try top["card-number"].map { try nodes.text($0, key: "card-number") } ?? Self.defaultPattern }
        let pattern = try patternText.flatMap { text in
            try nodes.attempt { () throws -> TicketNumberPattern in
                do {
                    return try TicketNumberPattern(text, fields: Self.patternFields, padded: ["class", "seq"], counter: "seq")
                } catch let failure as TicketNumberPattern.Failure {
                    throw nodes.error(top["card-number"], key: "card-number", zh: "听课证号格式有误：\(failure.text.zh)", en: "bad card-number pattern: \(failure.text.en)")
                }
            }
        }
        let documents = try nodes.attempt { try self.documents(top["documents"], nodes) }
        let templates = try nodes.attempt { try self.templates(top["templates"], root: root, resolve: resolve, nodes) }
        let defaultOutput = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let output = try nodes.attempt { resolve(try top["output"].map { try nodes.text($0, key: "output") } ?? defaultOutput) }
        let values = try nodes.attempt { try JobLoader.values(top["values"], nodes) }
        let photo = try nodes.attempt { try JobLoader.photoRules(top["photo"], nodes) }
        try nodes.throwIfAny()
        guard let course, let inputs, let classes = classes?.complete == true ? classes?.read : nil, let sessions, let order, let pattern, let patternText, let documents, let templates,
              let output, let values, let photo else {
            throw nodes.error(root, key: "", zh: "任务文件无法读取", en: "the job file cannot be read")
        }
        var job = CourseJob(file: file, course: course, roster: inputs.roster, photos: inputs.photos, sheet: inputs.sheet, classes: classes,
                            sessions: sessions, order: order, cardPattern: pattern, cardPatternText: patternText, documents: documents,
                            templates: templates.filter { documents.contains($0.key) }, output: output, values: values)
        job.photo = photo
        return job
    }

    func course(_ node: Node?, _ root: Node, _ nodes: NodeReader) throws -> CourseInfo {
        guard let node else {
            throw nodes.error(root, key: "course", zh: "缺少培训班信息（course: title/code/place）", en: "missing (course: title, code, place)")
        }
        let map = try nodes.mapping(node, key: "course", allowed: ["title", "code", "place"])
        return CourseInfo(title: try nodes.required(map, "title", in: node, key: "course", example: "2026年上海市“培训师”（三级）培训班"),
                          code: try map["code"].map { try nodes.text($0, key: "course.code") } ?? "",
                          place: try map["place"].map { try nodes.text($0, key: "course.place") } ?? "")
    }

    /// `classes:`: each `{name, seats, place, teacher}`, names unique (as keys) and giving distinct folders.
    /// Each mistake is reported; the classes read without one are returned, and whether there was none.
    func classes(_ node: Node?, _ root: Node, _ nodes: NodeReader) throws -> (read: [CourseClass], complete: Bool) {
        guard let node else {
            throw nodes.error(root, key: "classes", zh: "缺少班级（如“classes: [{name: 培训师三级1班, seats: 30}]”）", en: "missing (e.g. classes: [{name: Class 1, seats: 30}])")
        }
        let items = try nodes.list(node, key: "classes")
        guard !items.isEmpty else { throw nodes.error(node, key: "classes", zh: "至少要有一个班级", en: "list at least one class") }
        var classes: [CourseClass] = []
        var failed = false
        var names: [String: Int] = [:], folders: [String: String] = [:]
        for (index, item) in items.enumerated() {
            let key = "classes[\(index + 1)]"
            guard let read = try nodes.attempt({ () throws -> CourseClass in
                let map = try nodes.mapping(item, key: key, allowed: ["name", "seats", "place", "teacher"])
                let name = try nodes.required(map, "name", in: item, key: key, example: "培训师三级1班")
                guard let seatsNode = map["seats"] else { throw nodes.error(item, key: key + ".seats", zh: "缺少座位数（例如 seats: 30）", en: "missing the number of seats (e.g. seats: 30)") }
                return CourseClass(name: name, seats: try nodes.integer(seatsNode, key: key + ".seats", range: 1...2000),
                                   place: try map["place"].map { try nodes.text($0, key: key + ".place") } ?? "",
                                   teacher: try map["teacher"].map { try nodes.text($0, key: key + ".teacher") } ?? "",
                                   number: index + 1, line: item.mark?.line)
            }) else { failed = true; continue }
            let nameKey = TextCleaner.key(read.name)
            if let first = names[nameKey] {
                nodes.report(nodes.error(item, key: key + ".name", zh: "班级“\(read.name)”重复（第 \(first) 行已有）", en: "class \"\(read.name)\" is listed twice (also line \(first))"))
                failed = true
                continue
            }
            names[nameKey] = read.line ?? 0
            let folder = RoomFolders.safe(read.name, fallback: String(read.number))
            if let other = folders[folder] {
                nodes.report(nodes.error(item, key: key + ".name", zh: "班级“\(other)”和“\(read.name)”的文件夹名相同（\(folder)）：请改一个名字",
                                         en: "classes \"\(other)\" and \"\(read.name)\" would share the folder \(folder): rename one"))
                failed = true
                continue
            }
            folders[folder] = read.name
            classes.append(read)
        }
        return (classes, !failed)
    }

    /// `sessions:`: each `{date, start, end, topic, hours, teacher, classes}`; the classes a session names
    /// must be among `classes`; when they are `complete`, a class's sessions may not overlap and every class
    /// must have one. Each mistake is reported; nil when there was one.
    func sessions(_ node: Node?, _ root: Node, classes: [CourseClass]?, complete: Bool, _ nodes: NodeReader) throws -> [ClassSession]? {
        guard let node else {
            throw nodes.error(root, key: "sessions", zh: "缺少课次（如“sessions: [{date: 2026-07-06, start: \"09:00\", end: \"12:00\", topic: 培训需求分析, hours: 3}]”）",
                              en: "missing (e.g. sessions: [{date: 2026-07-06, start: \"09:00\", end: \"12:00\", topic: needs analysis, hours: 3}])")
        }
        let items = try nodes.list(node, key: "sessions")
        guard !items.isEmpty else { throw nodes.error(node, key: "sessions", zh: "至少要有一个课次", en: "list at least one session") }
        var sessions: [ClassSession] = []
        var failed = false
        for (index, item) in items.enumerated() {
            let key = "sessions[\(index + 1)]"
            guard let read = try nodes.attempt({ try self.session(item, key: key, classes: classes, nodes) }) else { failed = true; continue }
            if let classes, complete {
                for c in read.classes {
                    if let other = sessions.first(where: { $0.classes.contains(c) && $0.overlaps(read) }) {
                        nodes.report(nodes.error(item, key: key, zh: "\(classes[c].name)的课次 \(read.date) \(read.time) 与第 \(other.line ?? 0) 行的 \(other.date) \(other.time) 时间重叠",
                                                 en: "\(classes[c].name): the session \(read.date) \(read.time) overlaps the one on line \(other.line ?? 0) (\(other.date) \(other.time))"))
                        failed = true
                        break
                    }
                }
            }
            sessions.append(read)
        }
        if let classes, complete, !failed {
            for (c, courseClass) in classes.enumerated() where !sessions.contains(where: { $0.classes.contains(c) }) {
                nodes.report(nodes.error(node, key: "sessions", zh: "班级“\(courseClass.name)”（第 \(courseClass.line ?? 0) 行）没有任何课次",
                                         en: "class \"\(courseClass.name)\" (line \(courseClass.line ?? 0)) has no session"))
                failed = true
            }
        }
        return failed ? nil : sessions
    }

    func session(_ node: Node, key: String, classes: [CourseClass]?, _ nodes: NodeReader) throws -> ClassSession {
        let map = try nodes.mapping(node, key: key, allowed: ["date", "start", "end", "topic", "hours", "teacher", "classes"])
        let date = try nodes.required(map, "date", in: node, key: key, example: "2026-07-06")
        guard JobLoader.isDate(date) else {
            throw nodes.error(map["date"], key: key + ".date", zh: "“\(date)”不是 \(JobLoader.years.lowerBound)–\(JobLoader.years.upperBound) 年间的真实日期，应写成 2026-07-06",
                              en: "\"\(date)\" is not a real date in \(JobLoader.years.lowerBound)–\(JobLoader.years.upperBound) like 2026-07-06")
        }
        let start = try nodes.required(map, "start", in: node, key: key, example: "\"09:00\"")
        guard JobLoader.isTime(start) else {
            throw nodes.error(map["start"], key: key + ".start", zh: "“\(start)”不是真实的时间，应写成“09:00”", en: "\"\(start)\" is not a real time like \"09:00\"")
        }
        let end = try nodes.required(map, "end", in: node, key: key, example: "\"12:00\"")
        guard JobLoader.isTime(end), end > start else {
            throw nodes.error(map["end"], key: key + ".end", zh: "“\(end)”应为开始（\(start)）之后的当天时间，如“12:00”",
                              en: "\"\(end)\" should be a time of the same day after the start (\(start)), e.g. \"12:00\"")
        }
        let hoursText = try nodes.required(map, "hours", in: node, key: key, example: "3")
        guard let hours = StudyHours.parse(hoursText) else {
            throw nodes.error(map["hours"], key: key + ".hours", zh: "学时“\(hoursText)”应为大于 0、不超过 24 的数（最多两位小数），如 3 或 2.5",
                              en: "hours \"\(hoursText)\" must be a number above 0 and at most 24 (two decimals at most), e.g. 3 or 2.5")
        }
        var attending = Array((classes ?? []).indices)
        if let listed = map["classes"] {
            let names = try nodes.strings(listed, key: key + ".classes")
            guard !names.isEmpty else { throw nodes.error(listed, key: key + ".classes", zh: "至少列出一个班级（不写则各班都上）", en: "list at least one class (leave it out for every class)") }
            if let classes {
                attending = try names.map { name in
                    guard let c = classes.firstIndex(where: { TextCleaner.key($0.name) == TextCleaner.key(name) }) else {
                        throw nodes.error(listed, key: key + ".classes", zh: "没有班级“\(name)”（班级：\(classes.map(\.name).joined(separator: "、"))）",
                                          en: "no class \"\(name)\" (classes: \(classes.map(\.name).joined(separator: ", ")))")
                    }
                    return c
                }
                attending = attending.enumerated().filter { !attending[..<$0.offset].contains($0.element) }.map(\.element).sorted()
            }
        }
        return ClassSession(date: date, start: start, end: end, topic: try nodes.required(map, "topic", in: node, key: key, example: "培训需求分析"),
                            hours: hours, teacher: try map["teacher"].map { try nodes.text($0, key: key + ".teacher") } ?? "",
                            classes: attending, line: node.mark?.line)
    }

    /// `seating: {order, seed}`: the order learners are taken in (as exams: roster, sorted, shuffle with a seed).
    func order(_ node: Node?, _ nodes: NodeReader) throws -> SeatOrder {
        guard let node else { return .roster }
        let map = try nodes.mapping(node, key: "seating", allowed: ["order", "seed"])
        let seed = try map["seed"].map { UInt64(try nodes.integer($0, key: "seating.seed", range: 0...Int.max)) }
        switch try map["order"].map({ try nodes.text($0, key: "seating.order") }) ?? "roster" {
        case "roster", "名单": return .roster
        case "sorted", "排序": return .sorted
        case "shuffle", "随机":
            guard let seed else {
                throw nodes.error(node, key: "seating.seed", zh: "随机编排需要种子，如 seed: 20260706（同一种子得到同样的编班和编号）",
                                  en: "shuffle needs a seed, e.g. seed: 20260706 (the same seed gives the same classes and numbers)")
            }
            return .shuffle(seed: seed)
        case let other:
            throw nodes.error(map["order"], key: "seating.order", zh: "“\(other)”：应为 roster、sorted 或 shuffle", en: "\"\(other)\": expected roster, sorted or shuffle")
        }
    }

    /// The names a course job's `documents:` and `templates:` take for each paper.
    static func document(named name: String) -> PaperKind? {
        switch name {
        case "attendance-card", "听课证": return .attendanceCard
        case "sign-in-sheet", "class-sign-in-sheet", "签到表": return .classSignInSheet
        default: return nil
        }
    }

    static let documentNames = ["attendance-card", "sign-in-sheet"]

    func documents(_ node: Node?, _ nodes: NodeReader) throws -> [PaperKind] {
        guard let node else { return PaperKind.coursePack }
        let documents = try nodes.strings(node, key: "documents").map { name in
            guard let document = Self.document(named: name) else {
                throw nodes.error(node, key: "documents", zh: "培训班没有文书“\(name)”（可用：\(Self.documentNames.joined(separator: "、"))）",
                                  en: "a course has no document \"\(name)\" (known: \(Self.documentNames.joined(separator: ", ")))")
            }
            return document
        }
        guard !documents.isEmpty else { throw nodes.error(node, key: "documents", zh: "至少列出一种文书", en: "list at least one document") }
        return documents.enumerated().filter { !documents[..<$0.offset].contains($0.element) }.map(\.element)
    }

    func templates(_ node: Node?, root: Node, resolve: (String) -> String, _ nodes: NodeReader) throws -> [PaperKind: String] {
        var templates: [PaperKind: String] = [:]
        let map = try node.map { try nodes.mapping($0, key: "templates", allowed: Self.documentNames) } ?? [:]
        for name in Self.documentNames {
            let document = Self.document(named: name)!
            if let given = map[name] {
                let path = resolve(try nodes.text(given, key: "templates.\(name)"))
                guard ![.missing, .folder].contains(FilePath.kind(of: path)), FileManager.default.isReadableFile(atPath: path) else {
                    throw nodes.error(given, key: "templates.\(name)", zh: "找不到模板文件 \(path)", en: "no template file at \(path)")
                }
                templates[document] = path
            } else if let path = builtInTemplate(document.rawValue) {
                templates[document] = path
            } else {
                throw nodes.error(root, key: "templates.\(name)", zh: "找不到内置模板 \(document.rawValue).yaml（可设置 KAOWU_TEMPLATES）",
                                  en: "no built-in template \(document.rawValue).yaml (set KAOWU_TEMPLATES)")
            }
        }
        return templates
    }
}
