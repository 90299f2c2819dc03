import Support
import Identity
import Roster

/// One person as the stages after validation see them: their document, school, registrations (the subjects
/// they sit, from one row or several rows with the same number), where their photo is in the archive (read
/// only when a document is drawn), and every column of their first row as written. Built from the checks
/// validation made (the document number is never checked twice).
public struct Candidate: Sendable, Equatable {
    /// The spreadsheet row a person sees: the person's first row.
    public var row: Int
    /// The name as written (`TextCleaner.asWritten`): what is printed.
    public var name: String
    public var idKind: IDKind
    /// The document number, cleaned (a legacy 15-digit ID converted to 18 digits): the candidate's key.
    public var idNumber: String
    /// The gender the roster states or, when it states none, the one the document number encodes.
    public var gender: Gender?
    /// The birth date the document number encodes (nil for documents that encode none).
    public var birthDate: CivilDate?
    public var school: String
    /// The first row's subject cell as written (several subjects when the cell lists several).
    public var subject: String
    /// What the person sits, in roster order: every subject of every valid row of theirs.
    public var registrations: Registrations
    /// The index of the photo's entry in the archive, when there is a photo.
    public var photoEntry: Int?
    /// Every recognised column's text as written (`TextCleaner.asWritten`), by field.
    public var fields: [Field: String]
    /// Every titled column's text as written, by its header text in key form (`TextCleaner.key`: a header
    /// 培训项目（初级） is `培训项目(初级)` here), recognised columns too.
    public var columns: [String: String]

    public init(row: Int, name: String, idKind: IDKind, idNumber: String, gender: Gender? = nil,
                birthDate: CivilDate? = nil, school: String = "", subject: String = "", photoEntry: Int? = nil,
                fields: [Field: String] = [:], columns: [String: String] = [:], registrations: Registrations? = nil) {
        self.row = row
        self.name = name
        self.idKind = idKind
        self.idNumber = idNumber
        self.gender = gender
        self.birthDate = birthDate
        self.school = school
        self.subject = subject
        self.photoEntry = photoEntry
        self.fields = fields
        self.columns = columns
        self.registrations = registrations ?? Registrations(Registration.subjects(in: subject).map { Registration(subject: $0, row: row) })
    }

    /// The key the candidate is known by across stages (the document number).
    public var key: String { idNumber }

    /// The roster row of registration `index` (the person's first row when there is no such registration).
    public func row(of index: Int) -> Int {
        registrations.indices.contains(index) ? registrations[index].row : row
    }

    /// The subject of registration `index` as written (blank when there is no such registration).
    public func subject(of index: Int) -> String {
        registrations.indices.contains(index) ? registrations[index].subject : ""
    }
}

extension Candidate {
    /// The gender as the roster writes it or, where it is blank, as the document number gives it (男/女).
    public var genderText: String {
        if let stated = fields[.gender], !stated.isEmpty { return stated }
        return gender?.displayName(.zh) ?? ""
    }
}
