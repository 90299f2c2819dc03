import Documents
import Foundation
import Photos
import Render
import Roster
import Support
import Synchronization
import Validation

/// Runs a training course's print pack (`kaowu pack` on a job with `course:`): validates the roster and
/// photos, places the valid learners in classes and numbers their cards, renders every class's 听课证 and a
/// sign-in sheet per class day on all cores, writes 排课明细.xlsx, the validation report and the manifest,
/// zips it all, and only then gives the folder and the zip their names (`PackOutput`), as an exam pack does.
public enum CourseRunner {
    /// Runs `job`. Problems of the input end up in the result (and report.json); a job that cannot be
    /// carried out throws `JobError`, `ClassShortfall`, `PackFailure`, `UnsuppliedFields` or a file error.
    public static func run(_ job: CourseJob, options: PackOptions) throws -> CourseResult {
        let clock = ContinuousClock.now
        let l = options.language
        MemoryTuning.keepFreedMemory()
        let stamp = PackStamp(examDate: job.firstDay, sourceDateEpoch: options.sourceDateEpoch)
        let output = try PackOutput(path: options.output ?? job.output)
        try output.refuseInputs(job.inputFiles)
        let header = RosterHeader.read(path: job.roster, sheet: job.sheet)
        let documents = try job.documents.map { ($0, try loadRenderer(job, $0)) }
        try CourseFields.check(job: job, renderers: documents, header: header)
        let textStyles = documents.flatMap(\.1.template.textStyles)

        // Validate, then place: a shortfall stops the run before anything is written.
        options.progress?(PackProgress(stage: .validating, done: 0, total: 1, note: l.pick("校验名单和照片", "validating roster and photos")))
        var validation = ValidationOptions()
        validation.sheet = job.sheet
        validation.photo = job.photo
        validation.threads = options.threads
        if let today = CivilDate.parse(job.firstDay) { validation.today = today }
        var read = Validator(options: validation).validateRoster(rosterPath: job.roster, photosPath: job.photos)
        guard !read.candidates.isEmpty else {
            throw PackFailure(report: read.report, zh: "名单中没有可编班的学员（\(read.report.rows) 行，均有错误）",
                              en: "no learner to place (\(read.report.rows) rows, all with errors)")
        }
        options.progress?(PackProgress(stage: .seating, done: 0, total: 1, note: l.pick("编班", "placing in classes")))
        let plan = try CoursePlan.make(job: job, candidates: read.candidates, header: header)
        read.add(plan.problems)
        let report = read.report
        guard !plan.enrolled.isEmpty else {
            throw PackFailure(report: report, zh: "名单中没有可编班的学员（\(report.rows) 行，均有错误）",
                              en: "no learner to place (\(report.rows) rows, all with errors)")
        }

        try output.begin()
        defer { output.finish() }
        let temporary = output.staging
        let layout = CourseLayout(job: job, plan: plan)
        let zip = try PackZip(directories: layout.directories, files: layout.zipOrder, from: temporary, path: output.stagingZip,
                              top: output.name, stamp: stamp)
        var zipped = false
        defer { if !zipped { zip.abandon() } }

        // The workbooks and report.json are written on another thread while the classes are rendered.
        let reports = DispatchGroup()
        let written = Mutex<Result<[String: Manifest.File], Error>>(.success([:]))
        let refused = read.refused
        DispatchQueue.global().async(group: reports) {
            let result = Result {
                try writeReports(job: job, plan: plan, refused: refused, report: report, into: temporary, stamp: stamp, language: l)
            }
            if case .success(let files) = result { for name in files.keys { zip.feed.markReady(temporary + "/" + name) } }
            written.withLock { $0 = result }
        }
        let rendered: PackRunner.Rendered
        do {
            rendered = try render(job: job, plan: plan, layout: layout, textStyles: textStyles, into: temporary, feed: zip.feed, stamp: stamp, options: options)
        } catch {
            reports.wait()
            throw error
        }
        options.progress?(PackProgress(stage: .writing, done: 0, total: 1, note: l.pick("写排课明细和报告", "writing the schedule and reports")))
        reports.wait()
        let reportFiles = try written.withLock { $0 }.get()

        // The manifest, the zip, and publishing.
        var files = (rendered.files + reportFiles.keys).sorted()
        let entries = files.map { rendered.hashes[$0] ?? reportFiles[$0]! }
        var inputs: [Manifest.Input] = []
        for (role, path) in job.inputFiles where role != "template" {
            let (sha, bytes) = try Manifest.hash(path)
            inputs.append(Manifest.Input(role: role, file: (path as NSString).lastPathComponent, bytes: bytes, sha256: sha))
        }
        let classes = plan.byClass.filter { !$0.isEmpty }.count
        let counts = CourseManifest.Counts(rows: report.rows, learners: read.candidates.count, enrolled: plan.enrolled.count,
                                           notEnrolled: report.rows - plan.enrolled.count, classes: classes, sessions: job.sessions.count,
                                           pages: rendered.pages, files: files.count + 1, errors: report.errorCount, warnings: report.warningCount)
        let manifest = CourseManifest(kaowu: KaowuVersion.current, course: job.course.title, created: stamp.iso, cardNumberPattern: job.cardPatternText,
                                      inputs: inputs, counts: counts, files: entries)
        try manifest.json().write(to: URL(fileURLWithPath: temporary + "/" + PackLayout.manifest))
        files.append(PackLayout.manifest)
        zip.feed.markReady(temporary + "/" + PackLayout.manifest)
        options.progress?(PackProgress(stage: .zipping, done: 0, total: 1, note: l.pick("压缩", "zipping")))
        try zip.finish()
        try output.publish()
        zipped = true

        return CourseResult(folder: output.folder, zip: output.zip, rows: report.rows, enrolled: plan.enrolled.count, classes: classes,
                            sessions: job.sessions.count, pages: rendered.pages, files: files.count, errors: report.errorCount,
                            warnings: report.warningCount, seconds: (ContinuousClock.now - clock).seconds, problems: report.problems)
    }

    /// Writes 排课明细.xlsx, 校验报告.xlsx and report.json into `folder`; returns them hashed.
    static func writeReports(job: CourseJob, plan: CoursePlan, refused: [ValidatedRoster.RefusedRow], report: ValidationReport, into folder: String,
                             stamp: PackStamp, language l: Language) throws -> [String: Manifest.File] {
        let leftOut = LeftOutRows.lines(report, refused: refused, candidates: plan.candidates, language: l)
        try CourseWorkbook.write(job: job, plan: plan, leftOut: leftOut, to: folder + "/" + CourseLayout.planWorkbook, created: stamp.epoch)
        try ExcelReport.write(report, rosterPath: job.roster, sheet: job.sheet, to: folder + "/" + PackLayout.validationWorkbook, language: l,
                              created: stamp.epoch, catalog: ProblemCatalog.validation.adding(CourseCodes.all))
        try report.json(l).write(to: URL(fileURLWithPath: folder + "/" + PackLayout.reportJSON))
        return try Dictionary(uniqueKeysWithValues: CourseLayout.reportFiles.map { ($0, try Manifest.File.hashing($0, in: folder)) })
    }
}
