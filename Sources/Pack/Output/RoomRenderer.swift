import Documents
import Foundation
import Photos
import Render

/// Renders one room's documents into its folder: the door label and sign-in sheet (a page or table per
/// session), desk labels and admission tickets in seat order, and, when asked, one ticket file per candidate.
struct RoomRenderer {
    let job: Job
    let plan: PackPlan
    let values: PackValues
    let renderers: [PaperKind: PaperRenderer]
    /// The admission ticket for one file per candidate: on the template's own paper, whatever the job's
    /// `paper:` says (a candidate prints it at home: with the built-in, one A4 page, the notices below).
    let ticketFiles: PaperRenderer?
    let archive: SharedArchive?
    let stamp: PackStamp
    let root: String
    let folders: RoomFolders

    /// Renders room `r`; returns the files written (relative to the pack) and their pages.
    func render(room r: Int) throws -> (files: [String], pages: Int) {
        let seated = plan.byRoom[r].map { plan.seated[$0] }
        let maxBytes = job.photo.maxBytes
        let records = seated.enumerated().map { index, s -> RenderRecord in
            var images: [String: PageImage] = [:]
            let row = plan.candidates[s.candidate]
            if let entry = row.photoEntry, let archive,
               let photo = CandidateRecords.photo(from: archive, entry: entry, key: row.idNumber, limit: maxBytes) {
                images["photo"] = photo
            }
            return RenderRecord(values: values.candidate(s, index: index), images: images)
        }
        let roomName = job.rooms[r].room.name
        var files: [String] = []
        var pages = 0
        for document in job.documents {
            guard let renderer = renderers[document] else { continue }
            let file = folders.file(r, document)
            let size = renderer.pageSize
            let canvas = try Canvas(path: root + "/" + file, width: size.width, height: size.height,
                                    title: "\(job.exam.title) \(roomName) \(renderer.template.name)", created: stamp.iso)
            switch document {
            case .doorLabel, .signInSheet:
                for (k, session) in values.sessions(in: r).enumerated() {
                    if k > 0 { canvas.newPage() }
                    let subset = zip(seated, records).filter { $0.0.session == session }.enumerated().map { TemplateValues.numbered($1.1, $0) }
                    renderer.draw(subset, context: values.room(r, session: session), on: canvas)
                }
            default:
                renderer.draw(records, context: values.room(r), on: canvas)
            }
            try canvas.finish()
            pages += canvas.pageCount
            files.append(file)
        }
        if job.ticketPerCandidate, let renderer = ticketFiles {
            let size = renderer.pageSize
            for (s, record) in zip(seated, records) {
                let file = RoomFolders.ticketFile(s.ticketNumber)
                let canvas = try Canvas(path: root + "/" + file, width: size.width, height: size.height,
                                        title: "\(job.exam.title) \(renderer.template.name) \(s.ticketNumber)", created: stamp.iso)
                renderer.draw([record], context: values.room(r), on: canvas)
                try canvas.finish()
                pages += canvas.pageCount
                files.append(file)
            }
        }
        return (files, pages)
    }
}
