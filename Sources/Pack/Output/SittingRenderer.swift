import Documents
import Foundation
import Photos
import Render

/// Renders one sitting's (room × session) documents into its folder: the door label, sign-in sheet and desk
/// labels of who sits there, in seat order; the admission tickets its folder prints (candidates whose first
/// registration is here), and, when asked, one ticket file per candidate.
struct SittingRenderer {
    let job: Job
    let plan: PackPlan
    let layout: PackLayout
    let values: PackValues
    let renderers: [PaperKind: PaperRenderer]
    /// The admission ticket for one file per candidate: on the template's own paper, whatever the job's
    /// `paper:` says (a candidate prints it at home: with the built-in, one A4 page, the notices below).
    let ticketFiles: PaperRenderer?
    let archive: SharedArchive?
    let stamp: PackStamp
    let root: String
    let folders: RoomFolders

    /// Renders sitting `k`; returns the files written (relative to the pack) and their pages.
    func render(sitting k: Int) throws -> (files: [String], pages: Int) {
        let sitting = plan.sittings[k]
        let seated = plan.seated(in: k)
        // Each photo is read once: the tickets printed here are of candidates seated here.
        var photos: [Int: [String: PageImage]] = [:]
        for s in seated where photos[s.candidate] == nil { photos[s.candidate] = images(of: s.candidate) }
        let records = seated.enumerated().map { index, s in
            RenderRecord(values: values.registration(s, index: index), images: photos[s.candidate] ?? [:])
        }
        let tickets = (layout.ticketsOf[k] ?? []).map { plan.tickets[$0] }
        let ticketRecords = tickets.enumerated().map { index, t in
            let c = plan.seated[t.first].candidate
            return RenderRecord(values: values.ticket(t, index: index), images: photos[c] ?? images(of: c))
        }
        let context = values.sitting(k)
        let roomName = job.rooms[sitting.room].room.name
        let sessionName = sitting.session.map { " " + job.sessions[$0].subject } ?? ""
        var files: [String] = []
        var pages = 0
        for document in job.documents {
            guard let renderer = renderers[document] else { continue }
            let list = document == .admissionTicket ? ticketRecords : records
            if document == .admissionTicket && list.isEmpty { continue }
            let file = folders.file(sitting.room, session: sitting.session, document)
            let size = renderer.pageSize
            let canvas = try Canvas(path: root + "/" + file, width: size.width, height: size.height,
                                    title: "\(job.exam.title) \(roomName)\(sessionName) \(renderer.template.name)", created: stamp.iso)
            renderer.draw(list, context: context, on: canvas)
            try canvas.finish()
            pages += canvas.pageCount
            files.append(file)
        }
        if job.ticketPerCandidate, let renderer = ticketFiles {
            let size = renderer.pageSize
            for (ticket, record) in zip(tickets, ticketRecords) {
                let number = plan.seated[ticket.first].ticketNumber
                let file = RoomFolders.ticketFile(number)
                let canvas = try Canvas(path: root + "/" + file, width: size.width, height: size.height,
                                        title: "\(job.exam.title) \(renderer.template.name) \(number)", created: stamp.iso)
                renderer.draw([TemplateValues.numbered(record, 0)], context: context, on: canvas)
                try canvas.finish()
                pages += canvas.pageCount
                files.append(file)
            }
        }
        return (files, pages)
    }

    /// The candidate's photo read from the archive, as a record's images.
    private func images(of c: Int) -> [String: PageImage] {
        let candidate = plan.candidates[c]
        guard let entry = candidate.photoEntry, let archive,
              let photo = CandidateRecords.photo(from: archive, entry: entry, key: candidate.idNumber, limit: job.photo.maxBytes) else { return [:] }
        return [CandidateRecords.photoField: photo]
    }
}
