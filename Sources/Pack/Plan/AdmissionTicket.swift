/// One admission ticket: the registrations it lists in time order (all of a candidate's, or one with
/// `ticket-number.per: session`), and the sitting whose folder prints it (its first registration's).
struct AdmissionTicket: Sendable {
    /// Indices into `PackPlan.seated`, in time order; the first gives the ticket's number.
    var seated: [Int]
    /// Index into `PackPlan.sittings`.
    var sitting: Int
}
