import Archive
import Documents
import Foundation
import Photos
import Render
import Support
import Synchronization

/// Rendering a course's cards and sign-in sheets: on every core, one file at a time per thread, with the
/// course's cut fonts.
extension CourseRunner {
    /// Renders every unit of `layout` into `root`, several at once (each thread with its own template
    /// renderers and photo reads); each file is hashed and handed to `feed` (the zip) as soon as it is done.
    static func render(job: CourseJob, plan: CoursePlan, layout: CourseLayout, textStyles: [TextStyle], into root: String, feed: ZipFeed,
                       stamp: PackStamp, options: PackOptions) throws -> PackRunner.Rendered {
        let values = CourseValues(job: job, plan: plan)
        let archive = try job.photos.map { try SharedArchive(path: $0) }
        for directory in layout.directories {
            try FileManager.default.createDirectory(atPath: root + "/" + directory, withIntermediateDirectories: true)
        }
        let fontDirectory = root + ".fonts"
        defer { try? FileManager.default.removeItem(atPath: fontDirectory) }
        let fonts = try FontSubset(styles: textStyles, characters: characters(job: job, plan: plan, values: values), directory: fontDirectory)
        let next = Atomic<Int>(0), done = Atomic<Int>(0)
        let outcome = Mutex<(rendered: PackRunner.Rendered, failure: Error?)>((PackRunner.Rendered(), nil))
        let units = layout.units
        options.progress?(PackProgress(stage: .rendering, done: 0, total: units.count, note: ""))
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.threads, units.count))) { _ in
            fonts.use {
                var renderers: [PaperKind: PaperRenderer] = [:]
                do {
                    for document in job.documents { renderers[document] = try loadRenderer(job, document) }
                } catch {
                    outcome.withLock { $0.failure = $0.failure ?? error }
                    return
                }
                while true {
                    let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard k < units.count, outcome.withLock({ $0.failure == nil }) else { return }
                    let unit = units[k]
                    do {
                        let pages = try render(unit, job: job, plan: plan, values: values, renderers: renderers, archive: archive, root: root, stamp: stamp)
                        let hash = try Manifest.File.hashing(unit.file, in: root)
                        feed.markReady(root + "/" + unit.file)
                        outcome.withLock {
                            $0.rendered.files.append(unit.file)
                            $0.rendered.pages += pages
                            $0.rendered.hashes[unit.file] = hash
                        }
                    } catch {
                        outcome.withLock { $0.failure = $0.failure ?? error }
                        return
                    }
                    let finished = done.wrappingAdd(1, ordering: .relaxed).newValue
                    options.progress?(PackProgress(stage: .rendering, done: finished, total: units.count, note: job.classes[unit.classIndex].name))
                }
            }
        }
        let (rendered, failure) = outcome.withLock { $0 }
        if let failure { throw failure }
        return rendered
    }

    /// Renders one unit: a class's cards in list order, or one day's sign-in sheet, a table per session
    /// of that day in time order. Returns its pages.
    private static func render(_ unit: CourseLayout.Unit, job: CourseJob, plan: CoursePlan, values: CourseValues, renderers: [PaperKind: PaperRenderer],
                               archive: SharedArchive?, root: String, stamp: PackStamp) throws -> Int {
        let c = unit.classIndex
        let learners = plan.byClass[c].map { plan.enrolled[$0] }
        let records = learners.enumerated().map { index, e -> RenderRecord in
            var images: [String: PageImage] = [:]
            let candidate = plan.candidates[e.candidate]
            if let entry = candidate.photoEntry, let archive,
               let photo = CandidateRecords.photo(from: archive, entry: entry, key: candidate.idNumber, limit: job.photo.maxBytes) {
                images[CandidateRecords.photoField] = photo
            }
            return RenderRecord(values: values.learner(e, index: index), images: images)
        }
        let document: PaperKind = unit.kind == .cards ? .attendanceCard : .classSignInSheet
        guard let renderer = renderers[document] else { return 0 }
        let size = renderer.pageSize
        let what = unit.kind == .cards ? renderer.template.name : "\(renderer.template.name) \(unit.file.split(separator: "/").last?.dropLast(4) ?? "")"
        let canvas = try Canvas(path: root + "/" + unit.file, width: size.width, height: size.height,
                                title: "\(job.course.title) \(job.classes[c].name) \(what)", created: stamp.iso)
        switch unit.kind {
        case .cards:
            renderer.draw(records, context: values.classContext(c), on: canvas)
        case .signIn(let day):
            for (k, s) in job.sessions(of: c).filter({ job.sessions[$0].date == day }).enumerated() {
                if k > 0 { canvas.newPage() }
                renderer.draw(records, context: values.sessionContext(c, s), on: canvas)
            }
        }
        try canvas.finish()
        return canvas.pageCount
    }

    /// The template renderer of `document`, or a JobError naming the template's mistake.
    static func loadRenderer(_ job: CourseJob, _ document: PaperKind) throws -> PaperRenderer {
        let path = job.templates[document]!
        do { return try PaperRenderer(templatePath: path) } catch {
            let key = document == .attendanceCard ? "attendance-card" : "sign-in-sheet"
            throw JobError.job(file: job.file, line: nil, key: "templates.\(key)", zh: "模板有误：\(error)", en: "template error: \(error)")
        }
    }

    /// Every character the course can print: the learners' values and card numbers, the course's, classes'
    /// and sessions' values, and the templates' own text.
    static func characters(job: CourseJob, plan: CoursePlan, values: CourseValues) -> Set<Unicode.Scalar> {
        var characters = PrintedCharacters()
        for (i, e) in plan.enrolled.enumerated() { for value in values.learner(e, index: i).values { characters.add(value) } }
        for c in job.classes.indices {
            for s in job.sessions(of: c) { for value in values.sessionContext(c, s).values { characters.add(value) } }
        }
        for path in job.templates.values { characters.addTemplate(at: path) }
        characters.add("0123456789第页共年月日时分至 –—")
        return characters.scalars
    }
}
