/// One admission ticket: the registrations it lists in time order (all of a candidate's, or one with
/// `ticket-number.per: session`), and the sitting whose folder prints it (its first registration's). The first
/// is held inline, so the usual ticket of one registration costs no allocation of its own.
struct AdmissionTicket: Sendable {
    /// Index into `PackPlan.seated` of the first registration: it gives the ticket's number.
    var first: Int
    /// The later registrations, in time order.
    var more: [Int] = []
    /// Index into `PackPlan.sittings`.
    var sitting: Int

    init(seated: [Int], sitting: Int) {
        first = seated[0]
        more = Array(seated.dropFirst())
        self.sitting = sitting
    }

    /// Indices into `PackPlan.seated`, in time order.
    var seated: [Int] { more.isEmpty ? [first] : [first] + more }
}
