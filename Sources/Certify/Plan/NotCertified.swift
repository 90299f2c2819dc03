import Support

/// A roster row that gets no certificate, and why: its result does not pass, or the row has errors.
public struct NotCertified: Sendable, Equatable {
    public var row: Int
    public var name: String
    /// The masked document number (never the whole number in a list).
    public var maskedID: String
    public var reasons: [LocalizedText]
}
