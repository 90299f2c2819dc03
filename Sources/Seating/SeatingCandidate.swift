/// Someone to seat, as plain values (tests, tools): their document number (the key), school, subjects, and roster row.
public struct SeatingCandidate: Seatable, Sendable, Equatable {
    public var key: String
    public var row: Int
    public var name: String
    public var school: String
    public var subjects: [String]

    public init(key: String, row: Int, name: String, school: String, subjects: [String]) {
        self.key = key
        self.row = row
        self.name = name
        self.school = school
        self.subjects = subjects
    }

    /// Someone registered for one subject.
    public init(key: String, row: Int, name: String, school: String, subject: String) {
        self.init(key: key, row: row, name: name, school: school, subjects: [subject])
    }

    /// The first subject (one-subject candidates).
    public var subject: String {
        get { subjects.first ?? "" }
        set { subjects = [newValue] }
    }
}
