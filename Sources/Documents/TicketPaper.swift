/// The paper admission tickets (or any document printed one record per page) are printed on: `a4`, one to
/// an A4 page (a ticket of half an A4 with its back, the 考生须知, below it on the same side); `a5`, one to an
/// A5 page; `a5-2up`, two to an A4 sheet, one above the other, with a dashed line to cut along.
public enum TicketPaper: String, Sendable, CaseIterable {
    case a4 = "a4"
    case a5 = "a5"
    case a5TwoUp = "a5-2up"

    /// The paper called `name`, in any case (`A5-2UP`).
    public static func named(_ name: String) -> TicketPaper? {
        TicketPaper(rawValue: name.lowercased())
    }

    /// `a4、a5、a5-2up` for messages.
    public static func names(separator: String) -> String {
        allCases.map(\.rawValue).joined(separator: separator)
    }
}
