import Identity
import Roster
import Support

/// What validation keeps of a roster row after checking it: enough to match photos and count errors.
struct RowFacts: Sendable {
    let row: Int
    /// The cleaned (and, for legacy numbers, converted) document number; empty when missing.
    let key: String
    let name: String
    var hasError: Bool
}
