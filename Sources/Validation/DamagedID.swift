/// A document number Excel damaged by storing it as a number: how it shows now, and the digits that
/// survived (the leading significant digits) with the length the number had, so a photo named by the
/// full number can be recognised as probably this row's.
struct DamagedID: Sendable, Equatable {
    /// The value as Excel shows it (`110105200210183000`, `1.10105E+17`).
    let shown: String
    /// The leading digits Excel kept (15 for a number cell, as many as shown in scientific notation).
    let survivingDigits: String
    /// How many characters the number had.
    let length: Int

    /// Surviving digits needed before a photo's number is linked to the row: the region code and the
    /// birth date of a resident ID (14), so only the order number and check character were lost.
    static let digitsToLink = 14

    /// Whether `key` (a photo's document number) is the full number this one could have been.
    func couldBe(_ key: String) -> Bool {
        survivingDigits.count >= Self.digitsToLink && key.count == length && key.hasPrefix(survivingDigits)
    }
}
