import Documents
import Foundation
import Photos
import Render
import Roster
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
    /// carried out throws `JobError`, `SeatingShortfall`, `PackFailure` or a file error.
    public static func run(_ job: Job, options: PackOptions) throws -> PackResult {
        let clock = ContinuousClock.now
        let l = options.language
        MemoryTuning.keepFreedMemory()
        let stamp = PackStamp(examDate: job.exam.date, sourceDateEpoch: options.sourceDateEpoch)
        // The output is checked before any work, and locked for the whole run.
        let output = try PackOutput(path: options.output ?? job.output)
        try output.refuseInputs(job.inputFiles(keep: options.keep))
        // Every template is checked before any work, its fields against the roster's columns, the job's values
        // and what seating computes; their text styles decide which font faces are cut.
        let documents = try job.renderedDocuments.map { ($0, try loadRenderer(job, $0)) }
        try PackFields.check(job: job, renderers: documents, header: RosterHeader.read(path: job.roster, sheet: job.sheet))
        let textStyles = documents.flatMap(\.1.template.textStyles)
        try output.begin()
        defer { output.finish() }
        let kept = try options.keep.map { try PreviousPlan.read(path: $0) }

        // Validate and read the valid rows.
        options.progress?(PackProgress(stage: .validating, done: 0, total: 1, note: l.pick("校验名单和照片", "validating roster and photos")))
        var validation = validationOptions(job, options)
        // Candidates keep only the columns a template prints by their header text.
        validation.keptColumns = Set(documents.flatMap { $0.1.template.fields })
        var read = Validator(options: validation).validateRoster(rosterPath: job.roster, photosPath: job.photos)
        let candidates = read.candidates
        MemoryTuning.releaseFreedMemory()
        guard !candidates.isEmpty else {
            throw PackFailure(report: read.report, zh: "名单中没有可排考的考生（\(read.report.rows) 行，均有错误）",
                              en: "no candidate to seat (\(read.report.rows) rows, all with errors)")
        }

        // Seat.
        options.progress?(PackProgress(stage: .seating, done: 0, total: 1, note: l.pick("排考", "seating")))
        let plan = try PackPlan.make(job: job, candidates: candidates, kept: kept)
        read.add(plan.problems + conflictProblems(plan, job: job))
        let report = read.report

        // Everything is written into the work folder, which does not look like a pack until it is published.
        let temporary = output.staging

        // The zip is written while everything else is: it takes each file as soon as it is complete.
        let layout = PackLayout(job: job, plan: plan)
        let zip = try PackZip(layout: layout, files: temporary, path: output.stagingZip, top: output.name, stamp: stamp)
        var zipped = false
        defer { if !zipped { zip.abandon() } }

        // The workbooks and report.json are written on another thread while the rooms are rendered.
        let reports = DispatchGroup()
        let written = Mutex<Result<[String: Manifest.File], Error>>(.success([:]))
        let reportToWrite = report, refused = read.refused
        DispatchQueue.global().async(group: reports) {
            let result = Result {
                try writeReports(job: job, plan: plan, refused: refused, report: reportToWrite, into: temporary, stamp: stamp, language: l)
            }
            if case .success(let files) = result { for name in files.keys { zip.feed.markReady(temporary + "/" + name) } }
            written.withLock { $0 = result }
        }
        let rendered: Rendered
        do {
            rendered = try renderSittings(job: job, plan: plan, layout: layout, textStyles: textStyles, into: temporary, feed: zip.feed,
                                       stamp: stamp, options: options)
        } catch {
            reports.wait()
            throw error
        }
        options.progress?(PackProgress(stage: .writing, done: 0, total: 1, note: l.pick("写排考明细和报告", "writing the plan and reports")))
        reports.wait()
        let reportFiles = try written.withLock { $0 }.get()

        let sites = Set(job.rooms.map(\.room.site)).count
        // Without sessions a candidate's one seat stands for all their rows.
        let seatedRows = job.sessions.isEmpty
            ? Set(plan.seated.flatMap { plan.candidates[$0.candidate].registrations.map(\.row) })
            : Set(plan.seated.map { plan.candidates[$0.candidate].row(of: $0.registration) })
        let notSeated = report.rows - seatedRows.count
        let counts = Manifest.Counts(rows: report.rows, candidates: candidates.count, seated: plan.seatedCandidates, registrations: plan.seated.count,
                                     notSeated: notSeated, rooms: job.rooms.count, sittings: plan.sittings.count, sites: sites,
                                     pages: rendered.pages, files: 0, errors: report.errorCount, warnings: report.warningCount)
        let files = try publish(job: job, options: options, rendered: rendered, reportFiles: reportFiles, counts: counts,
                                stamp: stamp, output: output, zip: zip)
        zipped = true
        let errors = report.errorCount, warnings = report.warningCount

        let elapsed = ContinuousClock.now - clock
        return PackResult(folder: output.folder, zip: output.zip, rows: report.rows, valid: report.valid, seated: plan.seatedCandidates,
                          registrations: plan.seated.count, notSeated: notSeated, rooms: Set(plan.sittings.map(\.room)).count,
                          sittings: plan.sittings.count, sites: sites, pages: rendered.pages, files: files.count,
                          errors: errors, warnings: warnings, conflicts: plan.conflicts.count, kept: plan.seated.filter(\.kept).count,
                          seconds: elapsed.seconds, problems: report.problems)
    }
}

extension PackRunner {
    /// Validation as the job asks: its sheet and photo rules, the exam's date as "today" (so a re-run next
    /// year gives the same report), the pack's threads.
    static func validationOptions(_ job: Job, _ options: PackOptions) -> ValidationOptions {
        var validation = ValidationOptions()
        validation.sheet = job.sheet
        validation.photo = job.photo
        validation.threads = options.threads
        if let today = CivilDate.parse(job.exam.date) { validation.today = today }
        return validation
    }
}
