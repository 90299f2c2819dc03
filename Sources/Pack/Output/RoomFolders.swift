import Support
import Documents
import Foundation
import Seating

/// The folders of a pack: `<考点>/<考场>/<场次>/` (no session folder when the job has no sessions), names made
/// safe for every file system. A session's folder is named by its date, start and subject
/// (`2026-06-20 09时00分 Web 前端开发（中级）`), so folders sort in time order and say what they hold.
struct RoomFolders {
    let job: Job

    func site(_ r: Int) -> String { Self.safe(job.rooms[r].room.site, fallback: job.rooms[r].room.siteCode) }
    func room(_ r: Int) -> String { site(r) + "/" + Self.safe(job.rooms[r].room.name, fallback: String(job.rooms[r].room.number)) }

    /// The folder of room `r` in `session`: the room's own when there is none.
    func sitting(_ r: Int, session: Int?) -> String {
        guard let session else { return room(r) }
        return room(r) + "/" + Self.session(job.sessions[session])
    }

    /// A session's folder name: `2026-06-20 09时00分 Web 前端开发（中级）`.
    static func session(_ s: ExamSession) -> String {
        let hour = s.start.dropFirst(11).prefix(2), minute = s.start.suffix(2)
        return safe("\(s.start.prefix(10)) \(hour)时\(minute)分 \(s.subject)", fallback: s.code)
    }

    /// A document's file in a sitting's folder.
    func file(_ r: Int, session: Int?, _ document: PaperKind) -> String { sitting(r, session: session) + "/" + document.fileName }

    static let ticketFolder = "准考证"

    /// One candidate's own admission ticket: 准考证/<准考证号>.pdf.
    static func ticketFile(_ number: String) -> String { ticketFolder + "/" + safe(number, fallback: "_") + ".pdf" }

    /// The longest folder or file name (in characters) a pack uses; the job is refused where a ticket
    /// number would be longer, and room folder names cut to it are checked not to collide.
    static let nameLimit = 80

    /// `name` without path separators, control characters or characters Windows refuses; never `.`/`..`;
    /// at most `limit` characters.
    static func safe(_ name: String, fallback: String, limit: Int = nameLimit) -> String {
        let bad = Set("/\\:*?\"<>|")
        var cleaned = String(name.map { bad.contains($0) || $0.isNewline || ($0.asciiValue.map { $0 < 0x20 } ?? false) ? "_" : $0 })
            .trimmingCharacters(in: .whitespaces)
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        if cleaned.isEmpty { cleaned = fallback.isEmpty ? "_" : safe(fallback, fallback: "_") }
        return String(cleaned.prefix(limit))
    }
}
