/// The one way kaowu hides most of a document number where it is printed or carried (the `{{id | mask}}`
/// template formatter, the masked ID in a signed certificate code): a number longer than 10 characters (an
/// 18-character resident ID, a 15-character old one) keeps its first 6 and last 4 (`310101********1234`);
/// a shorter one (a passport, a travel permit) keeps its first 2 and last 2 (`E1*****78`); one of 4
/// characters or fewer is all stars. Characters are counted as a person sees them; an empty value stays empty.
public enum IDMask {
    /// `documentNumber` with its middle replaced by `*`, one star per hidden character.
    public static func mask(_ documentNumber: String) -> String {
        let characters = Array(documentNumber)
        let (head, tail): (Int, Int)
        switch characters.count {
        case 11...: (head, tail) = (6, 4)
        case 5...10: (head, tail) = (2, 2)
        default: return String(repeating: "*", count: characters.count)
        }
        return String(characters.prefix(head)) + String(repeating: "*", count: characters.count - head - tail) + String(characters.suffix(tail))
    }
}
