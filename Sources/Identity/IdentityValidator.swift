import Support

/// Checks document numbers: format, GB 11643 MOD 11-2 check character, birth date and region code.
public enum IdentityValidator {
    /// Checks `number` (raw cell text, cleaned here with `TextCleaner.documentNumber`) as a document of
    /// `kind`, judging birth dates against `today`. Messages are kept in both languages.
    public static func check(_ number: String, kind: IDKind, today: CivilDate) -> IdentityCheck {
        let cleaned = TextCleaner.documentNumber(number)
        if cleaned.isEmpty {
            return IdentityCheck(kind: kind, normalized: cleaned, issues: [IdentityMessages.missing(kind)])
        }
        let bytes = Array(cleaned.utf8)
        switch kind {
        case .residentID, .residencePermit:
            return ResidentIDRules.check(cleaned, bytes, kind: kind, today: today)
        case .foreignPermanentResident:
            return ForeignResidentRules.check(cleaned, bytes, today: today)
        case .hkMacauTravelPermit, .taiwanTravelPermit, .passport:
            return TravelDocumentRules.check(cleaned, bytes, kind: kind)
        }
    }

    /// GB 11643 MOD 11-2 check character ("0"–"9" or "X") for the first 17 characters; nil unless they
    /// are exactly 17 ASCII digits.
    public static func checkCharacter(for first17: some StringProtocol) -> Character? {
        let bytes = Array(first17.utf8)
        guard bytes.count == 17, let c = IDBytes.checkByte(bytes) else { return nil }
        return Character(Unicode.Scalar(c))
    }
}
