import Support

/// A person's gender as recorded on identity documents and rosters.
public enum Gender: String, Sendable, CaseIterable {
    case male, female

    /// 男/女, M/F, male/female, 1/2 (case-insensitive, surrounding spaces ignored) → Gender, else nil.
    public static func parse(_ cell: String) -> Gender? {
        switch TextCleaner.key(cell).lowercased() {
        case "男", "男性", "m", "male", "1": .male
        case "女", "女性", "f", "female", "2": .female
        default: nil
        }
    }

    /// 男/女 or male/female.
    public func displayName(_ language: Language) -> String {
        switch self {
        case .male: language.pick("男", "male")
        case .female: language.pick("女", "female")
        }
    }
}
