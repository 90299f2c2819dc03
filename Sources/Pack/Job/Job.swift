import Documents
import Foundation
import Photos
import Seating

/// One print-pack job (`kaowu pack JOB.yaml`): the exam, its inputs, rooms and sessions, how to seat and
/// number candidates, which documents to print with which templates, and where the pack goes. Paths are
/// already resolved against the job file's folder.
public struct Job: Sendable {
    /// The job file itself (named in errors and hashed into the manifest).
    public var file: String
    public var exam: ExamInfo
    public var roster: String
    public var photos: String?
    /// Worksheet of the roster, by name or 1-based number.
    public var sheet: String?
    /// A rooms table (xlsx/xls/csv) when the rooms are not listed inline; hashed into the manifest.
    public var roomsFile: String?
    public var rooms: [PackRoom]
    public var sessions: [ExamSession]
    public var policy: SeatingPolicy
    public var ticketPattern: TicketNumberPattern
    public var ticketPatternText: String
    /// One number per candidate (default) or per registration (`ticket-number.per: session`).
    public var ticketUnit: TicketUnit = .candidate
    /// Rooms open only in some sessions (`rooms[].sessions`): room index → session indices.
    public var roomSessions: [Int: Set<Int>] = [:]
    public var documents: [PaperKind]
    /// Also write 准考证/<准考证号>.pdf, one file per candidate.
    public var ticketPerCandidate: Bool
    /// The documents drawn: those listed, and admission tickets when one per candidate is asked for.
    public var renderedDocuments: [PaperKind] {
        ticketPerCandidate && !documents.contains(.admissionTicket) ? documents + [.admissionTicket] : documents
    }
    /// Document → template file (built-in unless the job names one).
    public var templates: [PaperKind: String]
    /// The pack's folder; the zip is this path plus `.zip`.
    public var output: String
    /// Further values for templates (`exam.*`, `course.*`, …) given under `values:`.
    public var values: [String: String]
    /// The photo rules: what validation checks and what the pack prints by.
    public var photo = PhotoRules()
    /// The paper: tickets' paper and sides, desk labels' stock, the printer's offset (`paper:`).
    public var paper = JobPaper()

    /// Every file the job reads, by role (job, roster, photos, rooms, keep, template): the manifest hashes
    /// them and the output may never be, contain or lie inside one of them.
    public func inputFiles(keep: String?) -> [(role: String, path: String)] {
        var files: [(role: String, path: String)] = [("job", file), ("roster", roster)]
        if let photos { files.append(("photos", photos)) }
        if let roomsFile { files.append(("rooms", roomsFile)) }
        if let keep { files.append(("keep", keep)) }
        for document in PaperKind.examPack { if let template = templates[document] { files.append(("template", template)) } }
        return files
    }
}
