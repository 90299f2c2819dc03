import Support

/// Not enough seats: for each session (and its room type) that is short, how many registrations have no seat.
public struct SeatingShortfall: Error, Sendable, Equatable {
    /// One short session.
    public struct Short: Sendable, Equatable {
        /// Index into the sessions; nil when the exam has none.
        public var session: Int?
        /// The session's subject, time and mode as written (blank without sessions).
        public var subject: String
        public var start: String
        public var end: String
        public var mode: String
        /// Registrations without a seat, registrations in all (kept ones included), seats the session may use.
        public var missing: Int
        public var needed: Int
        public var seats: Int
    }

    /// In time order.
    public let sessions: [Short]

    /// Room type → registrations without a seat, summed over the short sessions.
    public var missing: [String: Int] {
        sessions.reduce(into: [:]) { $0[$1.mode.isEmpty ? "—" : $1.mode, default: 0] += $1.missing }
    }
}
