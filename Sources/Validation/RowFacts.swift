import Identity
import Roster
import Support

/// What validation keeps of a roster row after checking it: enough to match photos and count errors.
struct RowFacts: Sendable {
    let row: Int
    /// The document number as a key (`TextCleaner.documentNumber`; a legacy number converted); empty when missing.
    let key: String
    /// Whether `key` is the person's number: false when Excel damaged it or the document type is unknown
    /// (the row's own error asks for the number to be fixed; no photo is expected under it meanwhile).
    let keyTrusted: Bool
    /// How Excel damaged the number, when it did (to recognise the photo named by the full number).
    let damage: DamagedID?
    /// The name as compared with the names in photo file names (`TextCleaner.nameKey`).
    let nameKey: String
    /// The name as written, for messages.
    let name: String
    var hasError: Bool
}
