import Validation
import Foundation
import Render
import Seating
import Support

/// A seated candidate: their roster row, room, seat, session and 准考证号.
struct SeatedCandidate: Sendable {
    /// Index into `PackPlan.candidates`.
    var candidate: Int
    /// Index into the job's rooms.
    var room: Int
    var seat: Int
    var session: Int?
    var ticketNumber: String
    /// Kept from the previous plan (`--keep`).
    var kept: Bool
}
