/// One room in one session (a room without sessions when the job has none): who sits there, in seat order.
/// Door labels, sign-in sheets and desk labels are made per sitting.
struct Sitting: Sendable {
    /// Index into the job's rooms.
    var room: Int
    /// Index into the job's sessions; nil when the job has none.
    var session: Int?
    /// Indices into `PackPlan.seated`, in seat order.
    var seated: [Int]
}
