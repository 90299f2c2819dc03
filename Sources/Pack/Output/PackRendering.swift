import Archive
import Documents
import Foundation
import Photos
import Render
import Support
import Synchronization

/// Rendering a pack's sittings: on every core, one sitting at a time per thread, with the pack's cut fonts.
extension PackRunner {
    struct Rendered {
        var files: [String] = []
        /// Each file's size and SHA-256, taken right after it was written.
        var hashes: [String: Manifest.File] = [:]
        var pages = 0
    }

    /// Renders every sitting (room × session), several at once (one per thread, each with its own template
    /// renderers and photo reads), into the files `layout` names; each file is hashed and handed to `feed`
    /// (the zip) as soon as its sitting is done. Returns the files written and their pages.
    static func renderSittings(job: Job, plan: PackPlan, layout: PackLayout, textStyles: [TextStyle], into root: String, feed: ZipFeed,
                            stamp: PackStamp, options: PackOptions) throws -> Rendered {
        let values = PackValues(job: job, plan: plan)
        let archive = try job.photos.map { try SharedArchive(path: $0) }
        let folders = RoomFolders(job: job)
        for directory in layout.directories {
            try FileManager.default.createDirectory(atPath: root + "/" + directory, withIntermediateDirectories: true)
        }
        // The fonts cut down to what this pack prints (see FontSubset): a few ms per PDF instead of ~50.
        let fontDirectory = root + ".fonts"
        defer { try? FileManager.default.removeItem(atPath: fontDirectory) }
        let fonts = try FontSubset(styles: textStyles,
                                   characters: PackCharacters.collect(job: job, plan: plan, values: values), directory: fontDirectory)
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let outcome = Mutex<(rendered: Rendered, failure: Error?)>((Rendered(), nil))
        let order = layout.order
        let total = order.count
        options.progress?(PackProgress(stage: .rendering, done: 0, total: total, note: ""))
        // Each thread: its own template renderers (their fixed layers are laid out with the cut fonts, so they
        // are made inside `fonts.use`), then rooms until none is left.
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.threads, order.count))) { _ in
            fonts.use {
                var renderers: [PaperKind: PaperRenderer] = [:]
                var ticketFiles: PaperRenderer?
                do {
                    for document in job.renderedDocuments {
                        renderers[document] = try loadRenderer(job, document)
                    }
                    if job.ticketPerCandidate { ticketFiles = try loadRenderer(job, .admissionTicket, paper: PaperSetup()) }
                } catch {
                    outcome.withLock { $0.failure = $0.failure ?? error }
                    return
                }
                while true {
                    let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard k < order.count, outcome.withLock({ $0.failure == nil }) else { return }
                    let sitting = order[k]
                    do {
                        let room = try SittingRenderer(job: job, plan: plan, layout: layout, values: values, renderers: renderers, ticketFiles: ticketFiles,
                                                       archive: archive, stamp: stamp, root: root, folders: folders).render(sitting: sitting)
                        let hashes = try room.files.map { try Manifest.File.hashing($0, in: root) }
                        for file in room.files { feed.markReady(root + "/" + file) }
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
                    options.progress?(PackProgress(stage: .rendering, done: finished, total: total, note: job.rooms[plan.sittings[sitting].room].room.name))
                }
            }
        }
        let (rendered, failure) = outcome.withLock { $0 }
        if let failure { throw failure }
        return rendered
    }

    /// The template renderer of `document` on the job's paper (or on `paper`), or a JobError naming the
    /// template's mistake, or the `paper:` setting that does not fit the template.
    static func loadRenderer(_ job: Job, _ document: PaperKind, paper: PaperSetup? = nil) throws -> PaperRenderer {
        let path = job.templates[document]!
        do { return try PaperRenderer(templatePath: path, paper: paper ?? job.paper.setup(for: document)) } catch let error as PaperError {
            throw JobError(code: JobError.jobCode, file: job.file, line: job.paper.line(of: error.setting), key: "paper.\(error.setting.rawValue)",
                           text: error.text.map { language, text in language == .zh ? "\(text)（\(document.fileName)）" : "\(text) (\(document.rawValue))" })
        } catch {
            throw JobError.job(file: job.file, line: nil, key: "templates.\(document.rawValue)", zh: "模板有误：\(error)", en: "template error: \(error)")
        }
    }
}
