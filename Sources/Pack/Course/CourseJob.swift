import Documents
import Foundation
import Photos
import Seating

/// A training-course job (`kaowu pack JOB.yaml` with `course:` instead of `exam:`): the course, its inputs,
/// classes and sessions, how learners are ordered and numbered, which documents to print with which
/// templates, and where the pack goes. Paths are already resolved against the job file's folder.
public struct CourseJob: Sendable {
    /// The job file itself (named in errors and hashed into the manifest).
    public var file: String
    public var course: CourseInfo
    public var roster: String
    public var photos: String?
    /// Worksheet of the roster, by name or 1-based number.
    public var sheet: String?
    public var photo = PhotoRules()
    public var classes: [CourseClass]
    /// In the job's order.
    public var sessions: [ClassSession]
    /// The order learners are taken in: into classes (when the roster names none) and numbered within them.
    public var order: SeatOrder
    /// The 听课证号 pattern (`card-number`), and as written.
    public var cardPattern: TicketNumberPattern
    public var cardPatternText: String
    /// `attendance-card`, `class-sign-in-sheet`, in the order given.
    public var documents: [PaperKind]
    /// Document → template file (built-in unless the job names one).
    public var templates: [PaperKind: String]
    /// The pack's folder; the zip is this path plus `.zip`.
    public var output: String
    /// Further values for templates, given under `values:`.
    public var values: [String: String]

    /// Every file the job reads, by role (job, roster, photos, template): the manifest hashes all but the
    /// templates, and the output may never be, contain or lie inside one of them.
    public var inputFiles: [(role: String, path: String)] {
        var files: [(role: String, path: String)] = [("job", file), ("roster", roster)]
        if let photos { files.append(("photos", photos)) }
        for document in documents { if let template = templates[document] { files.append(("template", template)) } }
        return files
    }

    /// The sessions class `c` attends, in time order.
    public func sessions(of c: Int) -> [Int] {
        sessions.indices.filter { sessions[$0].classes.contains(c) }
            .sorted { (sessions[$0].date, sessions[$0].start, $0) < (sessions[$1].date, sessions[$1].start, $1) }
    }

    /// The days class `c` meets, in order.
    public func days(of c: Int) -> [String] {
        var days: [String] = []
        for s in sessions(of: c) where !days.contains(sessions[s].date) { days.append(sessions[s].date) }
        return days
    }

    /// The class's 学时 over the whole course.
    public func totalHours(of c: Int) -> StudyHours {
        sessions(of: c).reduce(.zero) { $0 + sessions[$1].hours }
    }

    /// The first day of the course: the date every file of the pack carries.
    public var firstDay: String { sessions.map(\.date).min() ?? "" }
    /// The last day of the course.
    public var lastDay: String { sessions.map(\.date).max() ?? "" }
}
