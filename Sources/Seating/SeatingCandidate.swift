/// Someone to seat, as plain values (tests, tools): their document number (the key), school, subject, and roster row.
public struct SeatingCandidate: Seatable, Sendable, Equatable {
    public var key: String
    public var row: Int
    public var name: String
    public var school: String
    public var subject: String

    public init(key: String, row: Int, name: String, school: String, subject: String) {
        self.key = key
        self.row = row
        self.name = name
        self.school = school
        self.subject = subject
    }
}
