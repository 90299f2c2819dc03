import Validation

/// A seated registration: whose, which of their subjects, the room, seat and session, and its 准考证号 (the
/// candidate's one number, or the registration's own with `ticket-number.per: session`).
struct SeatedRegistration: Sendable {
    /// Index into `PackPlan.candidates`.
    var candidate: Int
    /// Index into that candidate's `registrations`.
    var registration: Int
    /// Index into the job's rooms.
    var room: Int
    var seat: Int
    /// Index into the job's sessions; nil when the job has none.
    var session: Int?
    var ticketNumber: String
    /// Kept from the previous plan (`--keep`).
    var kept: Bool
}
