/// What one 准考证号 (and one admission ticket) stands for: a candidate for the whole exam (the default), or
/// one registration (`ticket-number.per: session`).
public enum TicketUnit: String, Sendable {
    case candidate, session
}
