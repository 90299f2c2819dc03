import Documents
import Identity
import Foundation
import Photos
import Render
import Seating
import Support
import Synchronization
import Validation

/// Runs a print pack (`kaowu pack`): validates the roster and photos, seats the valid candidates, renders
/// every room's door label, sign-in sheet, desk labels and admission tickets on all cores, writes
/// 排考明细.xlsx, the validation report and the manifest, zips it all, and only then gives the folder and
/// the zip their names, so an interrupted run never leaves a pack that looks finished.
public enum PackRunner {
    /// Runs `job`. Problems of the input end up in the result (and report.json); a job that cannot be
    /// carried out throws `JobError`, `SeatShortfall`, `PackFailure` or a file error.
    public static func run(_ job: Job, options: PackOptions) throws -> PackResult {
        let clock = ContinuousClock.now
        let l = options.language
        MemoryTuning.keepFreedMemory()
        let stamp = PackStamp(examDate: job.exam.date, sourceDateEpoch: options.sourceDateEpoch)
        let folder = ((options.output ?? job.output) as NSString).standardizingPath
        let zipPath = folder + ".zip"
        let kept = try options.keep.map { try PreviousPlan.read(path: $0) }
        for document in job.documents { _ = try loadRenderer(job, document) }
        if job.ticketPerCandidate { _ = try loadRenderer(job, .admissionTicket) }

        // Validate and read the valid rows.
        options.progress?(PackProgress(stage: .validating, done: 0, total: 1, note: l.pick("校验名单和照片", "validating roster and photos")))
        var validation = ValidationOptions()
        validation.language = l
        validation.sheet = job.sheet
        validation.photoWidth = job.photoWidth
        validation.photoHeight = job.photoHeight
        validation.requiredBackground = job.photoBackground
        validation.threads = options.threads
        if let today = PackStamp.civilDate(job.exam.date) { validation.today = today }
        var (report, candidates) = RosterRecords.candidates(roster: job.roster, photos: job.photos, options: validation)
        guard !candidates.isEmpty else {
            throw PackFailure(report: report, zh: "名单中没有可排考的考生（\(report.rows) 行，均有错误）", en: "no candidate to seat (\(report.rows) rows, all with errors)")
        }

        // Seat.
        options.progress?(PackProgress(stage: .seating, done: 0, total: 1, note: l.pick("排考", "seating")))
        let plan = try PackPlan.make(job: job, candidates: candidates, kept: kept, language: l)
        report.problems += plan.problems + conflictProblems(plan, job: job, language: l)
        report.problems.sort { ($0.row ?? Int.max, $0.entry ?? "") < ($1.row ?? Int.max, $1.entry ?? "") }
        report.valid -= plan.problems.filter { $0.severity == .error }.count

        // Write everything into a folder that does not look like a pack until it is renamed.
        let fm = FileManager.default
        let temporary = folder + ".unfinished"
        try? fm.removeItem(atPath: temporary)
        try fm.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        var finished = false
        defer { if !finished { try? fm.removeItem(atPath: temporary) } }

        // The workbooks and report.json are written on another thread while the rooms are rendered.
        let reports = DispatchGroup()
        let written = Mutex<Result<[String: Manifest.File], Error>>(.success([:]))
        let reportToWrite = report, validRows = candidates
        DispatchQueue.global().async(group: reports) {
            let result = Result {
                try writeReports(job: job, plan: plan, candidates: validRows, report: reportToWrite, into: temporary, stamp: stamp, language: l)
            }
            written.withLock { $0 = result }
        }
        let rendered: Rendered
        do { rendered = try renderRooms(job: job, plan: plan, into: temporary, stamp: stamp, options: options) } catch {
            reports.wait()
            throw error
        }
        options.progress?(PackProgress(stage: .writing, done: 0, total: 1, note: l.pick("写排考明细和报告", "writing the plan and reports")))
        reports.wait()
        let reportFiles = try written.withLock { $0 }.get()

        // The manifest lists every file but itself (the rooms' files were hashed as they were written).
        var files = rendered.files + reportFiles.keys
        files.sort()
        let entries = files.map { rendered.hashes[$0] ?? reportFiles[$0]! }
        var inputs: [Manifest.Input] = []
        for (role, path) in [("job", job.file), ("roster", job.roster), ("photos", job.photos), ("rooms", job.roomsFile), ("keep", options.keep)] {
            guard let path else { continue }
            let (sha, bytes) = try Manifest.hash(path)
            inputs.append(Manifest.Input(role: role, file: (path as NSString).lastPathComponent, bytes: bytes, sha256: sha))
        }
        let errors = report.errorCount, warnings = report.warningCount
        let sites = Set(job.rooms.map(\.room.site)).count
        let manifest = Manifest(kaowu: KaowuVersion.current, exam: job.exam.title, created: stamp.iso, ticketNumberPattern: job.ticketPatternText,
                                inputs: inputs,
                                counts: .init(rows: report.rows, candidates: candidates.count, seated: plan.seated.count,
                                              notSeated: report.rows - plan.seated.count, rooms: job.rooms.count, sites: sites,
                                              pages: rendered.pages, files: files.count + 1, errors: errors, warnings: warnings),
                                files: entries)
        try manifest.json().write(to: URL(fileURLWithPath: temporary + "/manifest.json"))
        files.append("manifest.json")

        // The zip: the same files under the pack's name, UTF-8 names, fixed times.
        options.progress?(PackProgress(stage: .zipping, done: 0, total: 1, note: l.pick("压缩", "zipping")))
        let zipTemporary = zipPath + ".unfinished"
        try? fm.removeItem(atPath: zipTemporary)
        let top = (folder as NSString).lastPathComponent
        do {
            let zip = try ZipWriter(path: zipTemporary, modified: stamp.zipTime)
            for directory in rendered.directories.sorted() { try zip.addDirectory(top + "/" + directory) }
            for file in files { try zip.add(top + "/" + file, file: temporary + "/" + file, compress: file.hasSuffix(".json")) }
            try zip.close()
        } catch {
            try? fm.removeItem(atPath: zipTemporary)
            throw error
        }

        // Name the finished pack: the old one (if any) goes only once the new one is complete.
        if fm.fileExists(atPath: folder) {
            let old = folder + ".old"
            try? fm.removeItem(atPath: old)
            try fm.moveItem(atPath: folder, toPath: old)
            try fm.moveItem(atPath: temporary, toPath: folder)
            try? fm.removeItem(atPath: old)
        } else {
            try fm.moveItem(atPath: temporary, toPath: folder)
        }
        finished = true
        if fm.fileExists(atPath: zipPath) { try fm.removeItem(atPath: zipPath) }
        try fm.moveItem(atPath: zipTemporary, toPath: zipPath)

        let elapsed = ContinuousClock.now - clock
        return PackResult(folder: folder, zip: zipPath, rows: report.rows, valid: report.valid, seated: plan.seated.count,
                          rooms: plan.byRoom.filter { !$0.isEmpty }.count, sites: sites, pages: rendered.pages, files: files.count,
                          errors: errors, warnings: warnings, conflicts: plan.conflicts.count, kept: plan.seated.filter(\.kept).count,
                          seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, problems: report.problems)
    }

    /// Writes 排考明细.xlsx, 校验报告.xlsx and report.json into `folder`; returns them hashed.
    static func writeReports(job: Job, plan: PackPlan, candidates: [CandidateRow], report: ValidationReport, into folder: String,
                             stamp: PackStamp, language l: Language) throws -> [String: Manifest.File] {
        let names = Dictionary(candidates.map { ($0.row, ($0.values["name"] ?? "", $0.values["id"] ?? "")) }, uniquingKeysWith: { a, _ in a })
        let leftOut = report.problems.filter { $0.severity == .error && $0.row != nil }.map { p in
            (row: p.row!, name: names[p.row!]?.0 ?? "", id: names[p.row!]?.1 ?? (p.field == "id" ? (p.value ?? "") : ""), reason: p.message)
        }
        try PlanWorkbook.write(job: job, plan: plan, leftOut: leftOut, to: folder + "/排考明细.xlsx", created: stamp.epoch)
        try ExcelReport.write(report, rosterPath: job.roster, sheet: job.sheet, to: folder + "/校验报告.xlsx", language: l, created: stamp.epoch)
        try report.json().write(to: URL(fileURLWithPath: folder + "/report.json"))
        var files: [String: Manifest.File] = [:]
        for name in ["排考明细.xlsx", "校验报告.xlsx", "report.json"] {
            let (sha, bytes) = try Manifest.hash(folder + "/" + name)
            files[name] = Manifest.File(path: name, bytes: bytes, sha256: sha)
        }
        return files
    }

    /// The template renderer of `document`, or a JobError naming the template's mistake.
    static func loadRenderer(_ job: Job, _ document: PackDocument) throws -> DocumentRenderer {
        let path = job.templates[document]!
        do { return try DocumentRenderer(templatePath: path) } catch {
            throw JobError(file: job.file, line: nil, key: "templates.\(document.rawValue)", zh: "模板有误：\(error)", en: "template error: \(error)")
        }
    }

    /// Same-school neighbours that could not be avoided, as warnings on the roster rows of both candidates' first.
    static func conflictProblems(_ plan: PackPlan, job: Job, language l: Language) -> [Problem] {
        var bySeat: [Int: [Int: Int]] = [:]
        for s in plan.seated { bySeat[s.room, default: [:]][s.seat] = plan.candidates[s.candidate].row }
        return plan.conflicts.map { c in
            let room = job.rooms[c.room].room
            return Problem(.warning, "seat.same-school", row: bySeat[c.room]?[c.seat], field: "school", value: c.school,
                           message: l.pick("\(room.site) \(room.name) \(c.seat) 号与 \(c.neighbourSeat) 号同为“\(c.school)”考生（该考场无法避免）",
                                           "\(room.site) \(room.name): seats \(c.seat) and \(c.neighbourSeat) are both from \(c.school) (unavoidable in this room)"))
        }
    }

    struct Rendered {
        var files: [String] = []
        /// Each file's size and SHA-256, taken right after it was written.
        var hashes: [String: Manifest.File] = [:]
        var directories: [String] = []
        var pages = 0
    }

    /// Renders every room with candidates, several rooms at once (one per thread, each with its own
    /// template renderers and photo reads); returns the files written (relative to `root`) and pages.
    static func renderRooms(job: Job, plan: PackPlan, into root: String, stamp: PackStamp, options: PackOptions) throws -> Rendered {
        let rooms = plan.byRoom.indices.filter { !plan.byRoom[$0].isEmpty }
        let values = PackValues(job: job, plan: plan)
        let archive = try job.photos.map { try SharedArchive(path: $0) }
        let folders = RoomFolders(job: job)
        var directories = Set<String>()
        for r in rooms {
            directories.insert(folders.site(r))
            directories.insert(folders.room(r))
            try FileManager.default.createDirectory(atPath: root + "/" + folders.room(r), withIntermediateDirectories: true)
        }
        if job.ticketPerCandidate {
            directories.insert("准考证")
            try FileManager.default.createDirectory(atPath: root + "/准考证", withIntermediateDirectories: true)
        }
        // The fonts cut down to what this pack prints (see FontSubset): a few ms per PDF instead of ~50.
        let fontDirectory = root + ".fonts"
        defer { try? FileManager.default.removeItem(atPath: fontDirectory) }
        let templates = job.documents.compactMap { document in try? loadRenderer(job, document).template }
        let fonts = try FontSubset(styles: templates.flatMap(\.textStyles),
                                   characters: PackCharacters.collect(job: job, plan: plan, values: values), directory: fontDirectory)
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let outcome = Mutex<(rendered: Rendered, failure: Error?)>((Rendered(), nil))
        let total = rooms.count
        options.progress?(PackProgress(stage: .rendering, done: 0, total: total, note: ""))
        // Large rooms first, so no thread is left with a big one at the end.
        let order = rooms.sorted { (plan.byRoom[$0].count, -$0) > (plan.byRoom[$1].count, -$1) }
        // Each thread: its own template renderers (their fixed layers are laid out with the cut fonts, so they
        // are made inside `fonts.use`), then rooms until none is left.
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.threads, order.count))) { _ in
            fonts.use {
                var renderers: [PackDocument: DocumentRenderer] = [:]
                do {
                    for document in Set(job.documents + (job.ticketPerCandidate ? [.admissionTicket] : [])) {
                        renderers[document] = try loadRenderer(job, document)
                    }
                } catch {
                    outcome.withLock { $0.failure = $0.failure ?? error }
                    return
                }
                while true {
                    let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard k < order.count, outcome.withLock({ $0.failure == nil }) else { return }
                    let r = order[k]
                    do {
                        let room = try RoomRenderer(job: job, plan: plan, values: values, renderers: renderers, archive: archive,
                                                    stamp: stamp, root: root, folder: folders.room(r)).render(room: r)
                        let hashes = try room.files.map { file -> Manifest.File in
                            let (sha, bytes) = try Manifest.hash(root + "/" + file)
                            return Manifest.File(path: file, bytes: bytes, sha256: sha)
                        }
                        outcome.withLock {
                            $0.rendered.files += room.files
                            $0.rendered.pages += room.pages
                            for h in hashes { $0.rendered.hashes[h.path] = h }
                        }
                    } catch {
                        outcome.withLock { $0.failure = $0.failure ?? error }
                        return
                    }
                    let finished = done.wrappingAdd(1, ordering: .relaxed).newValue
                    options.progress?(PackProgress(stage: .rendering, done: finished, total: total, note: job.rooms[r].room.name))
                }
            }
        }
        var (rendered, failure) = outcome.withLock { $0 }
        if let failure { throw failure }
        rendered.directories = Array(directories)
        return rendered
    }
}

/// The pack cannot be made from this input (no valid candidate); the report says why.
public struct PackFailure: Error, Sendable {
    public let report: ValidationReport
    public let zh: String
    public let en: String
}

/// The version written into manifests.
public enum KaowuVersion {
    public static let current = "0.4.0"
}
