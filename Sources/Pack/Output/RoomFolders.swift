import Support
import Documents
import Foundation

/// The folders of a pack: `<考点>/<考场>/`, names made safe for every file system.
struct RoomFolders {
    let job: Job

    func site(_ r: Int) -> String { Self.safe(job.rooms[r].room.site, fallback: job.rooms[r].room.siteCode) }
    func room(_ r: Int) -> String { site(r) + "/" + Self.safe(job.rooms[r].room.name, fallback: String(job.rooms[r].room.number)) }

    /// A document's file in room `r`'s folder.
    func file(_ r: Int, _ document: PaperKind) -> String { room(r) + "/" + document.fileName }

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
