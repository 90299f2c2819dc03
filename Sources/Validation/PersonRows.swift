import Identity
import Roster
import Support

/// The rows of each person (by document number) seen so far while a roster streams by: a person may have
/// one row per subject, whose other columns must agree with the first row's, and may not ask for the same
/// subject twice. Keeps per person only the first row's number, name, comparable columns and the subjects.
struct PersonRows {
    private struct Person {
        let row: Int
        let nameKey: String
        let name: String
        /// The person's columns in key form (`TextCleaner.key`), by field: what later rows are compared with.
        let columns: [Field: String]
        var subjects: [String: Int]
    }

    private let header: HeaderMap
    private let letters: [Field: String]
    private var people: [String: Person] = [:]

    init(header: HeaderMap) {
        self.header = header
        letters = header.columns.mapValues(columnLetters)
    }

    /// The first row of the person with `key`, if they appeared before.
    func firstRow(of key: String) -> Int? { people[key]?.row }

    /// Records `row` of the person `key` (named `nameKey`/`name`) and returns its problems: the same subject
    /// twice (`roster.duplicate-id`, also within the row's own cell), another name than the first row's
    /// (`roster.name-conflict`), another value in a column that belongs to the person (`roster.person-conflict`).
    mutating func add(_ row: TableRow, key: String, nameKey: String, name: String) -> [Problem] {
        let subjectCell = header[.subject].map { row[$0].text } ?? ""
        let subjects = Registration.subjects(in: subjectCell)
        var problems: [Problem] = []
        var person = people[key] ?? Person(row: row.number, nameKey: nameKey, name: name, columns: columns(of: row), subjects: [:])
        let repeated = people[key] != nil
        var seenHere: Set<String> = []
        for subject in subjects {
            let subjectKey = Registration.key(subject)
            if let first = person.subjects[subjectKey] {
                let shown = subject.isEmpty ? "" : "“\(subject)”"
                let earlier = first == row.number ? LocalizedText(zh: "本行", en: "this row") : LocalizedText(zh: "第 \(first) 行", en: "row \(first)")
                problems.append(Problem(.error, "roster.duplicate-id", row: row.number, column: header[.id].map(columnLetters),
                                        field: Field.id.rawValue, value: key,
                    message: subject.isEmpty || header[.subject] == nil
                        ? LocalizedText(zh: "证件号码与第 \(first) 行重复", en: "the ID number repeats row \(first)")
                        : LocalizedText(zh: "同一考生重复报考科目\(shown)（已在\(earlier.zh)报考）",
                                        en: "the same person registers for \"\(subject)\" twice (already on \(earlier.en))")))
            } else if !seenHere.contains(subjectKey) {
                person.subjects[subjectKey] = row.number
            }
            seenHere.insert(subjectKey)
        }
        if repeated {
            // 张 伟 and 张伟 are one name typed twice.
            if !nameKey.isEmpty, !person.nameKey.isEmpty, nameKey.filter({ !$0.isWhitespace }) != person.nameKey.filter({ !$0.isWhitespace }) {
                problems.append(Problem(.error, "roster.name-conflict", row: row.number, column: letters[.name], field: Field.name.rawValue,
                                        value: name,
                    message: LocalizedText(zh: "同一证件号码在第 \(person.row) 行的姓名是“\(person.name)”，本行是“\(name)”，请核对",
                                           en: "the same ID number is \"\(person.name)\" on row \(person.row) but \"\(name)\" here")))
            }
            let mine = columns(of: row)
            for field in Field.allCases where field != .name && field != .id {
                guard let earlier = person.columns[field], let now = mine[field], earlier != now, !earlier.isEmpty, !now.isEmpty else { continue }
                let written = header[field].map { row[$0].text } ?? now
                problems.append(Problem(.error, "roster.person-conflict", row: row.number, column: letters[field], field: field.rawValue,
                                        value: written,
                    message: LocalizedText(zh: "同一考生的“\(field.chineseHeader)”在第 \(person.row) 行是“\(earlier)”，本行是“\(written)”：同一人的各行须一致",
                                           en: "the same person's \(field.rawValue) is \"\(earlier)\" on row \(person.row) but \"\(written)\" here; one person's rows must agree")))
            }
        }
        people[key] = person
        return problems
    }

    /// The columns of `row` that belong to the person, in key form.
    private func columns(of row: TableRow) -> [Field: String] {
        var columns: [Field: String] = [:]
        for (field, column) in header.columns where !field.isPerRegistration && field != .name && field != .id {
            columns[field] = TextCleaner.key(row[column].text)
        }
        return columns
    }
}
