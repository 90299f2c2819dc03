import Support
@testable import Identity

/// A fixed "today" so birth-date and region findings do not change with the calendar.
let today = CivilDate(year: 2026, month: 11, day: 22)!

func check(_ number: String, _ kind: IDKind = .residentID, _ language: Language = .zh) -> ReadCheck {
    ReadCheck(result: IdentityValidator.check(number, kind: kind, today: today), language: language)
}

/// A check with the language its messages are read in.
@dynamicMemberLookup
struct ReadCheck {
    let result: IdentityCheck
    let language: Language

    subscript<T>(dynamicMember path: KeyPath<IdentityCheck, T>) -> T { result[keyPath: path] }

    /// The first issue's message, or "" when there is none (so a missing issue fails the test, not the run).
    var firstMessage: String { result.issues.first?.message(language) ?? "" }
}

/// The first 17 characters followed by their MOD 11-2 check character.
func withCheck(_ first17: String) -> String { first17 + String(IdentityValidator.checkCharacter(for: first17)!) }

/// The same number with a different (wrong) last character.
func withWrongCheck(_ first17: String) -> String {
    first17 + (IdentityValidator.checkCharacter(for: first17) == "1" ? "2" : "1")
}

extension IdentityCheck {
    var codes: [String] { issues.map(\.code) }
}
