import Identity
import Roster
import Support

/// The rows of each person (by document number) seen so far while a roster streams by: a person may have
/// one row per subject, whose other columns must agree with the first row's, and may not ask for the same
/// subject twice. Kept small, since every person of a 100,000-row roster is kept: the first row's number,
/// a fingerprint of the columns that belong to the person (no allocation per person), and the subjects'
/// hashes with their rows.
struct PersonRows {
    private struct Person {
        let row: Int
        /// The person's columns in key form (`TextCleaner.key`), in `fields` order.
        let columns: Fingerprint
        /// The first subject's hash (most people have one), then the others with their rows.
        let firstSubject: Int
        var moreSubjects: [(subject: Int, row: Int)] = []

        /// The row that registered `subject` (a hash), if any.
        func row(of subject: Int) -> Int? {
            subject == firstSubject ? row : moreSubjects.first { $0.subject == subject }?.row
        }
    }

    private let header: HeaderMap
    private let letters: [Field: String]
    /// The recognised columns that belong to the person (compared between a person's rows), in column order.
    private let fields: [Field]
    private var people: [String: Person] = [:]
    /// Subject cells seen (a roster repeats a handful of subjects thousands of times) → their subjects and
    /// the hashes of their keys; cleared when it grows large.
    private var subjectCells: [String: [(subject: String, hash: Int)]] = [:]

    init(header: HeaderMap) {
        self.header = header
        letters = header.columns.mapValues(columnLetters)
        fields = header.columns.filter { !$0.key.isPerRegistration && $0.key != .name && $0.key != .id }.sorted { $0.value < $1.value }.map(\.key)
    }

    /// The first row of the person with `key`, if they appeared before.
    func firstRow(of key: String) -> Int? { people[key]?.row }

    /// Records `row` of the person `key` and returns its problems: the same subject twice (`roster.duplicate-id`,
    /// also within the row's own cell), another name than the first row's (`roster.name-conflict`; `first` is
    /// what validation kept of that row), another value in a column that belongs to the person
    /// (`roster.person-conflict`).
    mutating func add(_ row: TableRow, key: String, nameKey: String, name: String, first: RowFacts?) -> [Problem] {
        let subjects = subjectsOf(header[.subject].map { row[$0].text } ?? "")
        var problems: [Problem] = []
        let mine = columns(of: row)
        let known = people[key]
        let repeated = known != nil
        var person = known ?? Person(row: row.number, columns: mine, firstSubject: subjects[0].hash)
        var seenHere: [Int] = []          // only for cells of several subjects
        for (k, (subject, hash)) in subjects.enumerated() {
            let earlier = seenHere.contains(hash) ? row.number : (repeated || k > 0 ? person.row(of: hash) : nil)
            if let earlier {
                let place = earlier == row.number ? LocalizedText(zh: "本行", en: "this row") : LocalizedText(zh: "第 \(earlier) 行", en: "row \(earlier)")
                problems.append(Problem(.error, "roster.duplicate-id", row: row.number, column: header[.id].map(columnLetters),
                                        field: Field.id.rawValue, value: key,
                    message: subject.isEmpty || header[.subject] == nil
                        ? LocalizedText(zh: "证件号码与第 \(earlier) 行重复", en: "the ID number repeats row \(earlier)")
                        : LocalizedText(zh: "同一考生重复报考科目“\(subject)”（已在\(place.zh)报考）",
                                        en: "the same person registers for \"\(subject)\" twice (already on \(place.en))")))
            } else if repeated || k > 0 {
                person.moreSubjects.append((hash, row.number))
            }
            if subjects.count > 1 { seenHere.append(hash) }
        }
        if repeated {
            // 张 伟 and 张伟 are one name typed twice.
            if let first, !nameKey.isEmpty, !first.nameKey.isEmpty,
               nameKey.filter({ !$0.isWhitespace }) != first.nameKey.filter({ !$0.isWhitespace }) {
                problems.append(Problem(.error, "roster.name-conflict", row: row.number, column: letters[.name], field: Field.name.rawValue,
                                        value: name,
                    message: LocalizedText(zh: "同一证件号码在第 \(person.row) 行的姓名是“\(first.name)”，本行是“\(name)”，请核对",
                                           en: "the same ID number is \"\(first.name)\" on row \(person.row) but \"\(name)\" here")))
            }
            for i in person.columns.differing(from: mine, count: fields.count) {
                let field = fields[i]
                let written = header[field].map { row[$0].text } ?? ""
                problems.append(Problem(.error, "roster.person-conflict", row: row.number, column: letters[field], field: field.rawValue,
                                        value: written,
                    message: LocalizedText(zh: "同一考生的“\(field.chineseHeader)”与第 \(person.row) 行不同（本行是“\(written)”）：同一人的各行须一致",
                                           en: "the same person's \(field.rawValue) differs from row \(person.row) (\"\(written)\" here); one person's rows must agree")))
            }
        }
        people[key] = person
        return problems
    }

    /// The subjects of a cell with the hashes of their keys, from the cache when the cell was seen before.
    private mutating func subjectsOf(_ cell: String) -> [(subject: String, hash: Int)] {
        if let known = subjectCells[cell] { return known }
        let subjects = Registration.subjects(in: cell).map { ($0, Self.hash(Registration.key($0))) }
        if subjectCells.count > 10_000 { subjectCells.removeAll(keepingCapacity: true) }
        subjectCells[cell] = subjects
        return subjects
    }

    /// The hash of a key-form text's UTF-8 bytes (key forms are normalised already: no need for `String`'s
    /// own, slower, normalising hash).
    private static func hash(_ text: String) -> Int { ExactText(text).hashValue }

    /// The fingerprint of the columns of `row` that belong to the person, in key form.
    private func columns(of row: TableRow) -> Fingerprint {
        var fingerprint = Fingerprint()
        for (i, field) in fields.enumerated() {
            let text = TextCleaner.key(row[header[field]!].text)
            fingerprint.add(i, text.isEmpty ? nil : Self.hash(text))
        }
        return fingerprint
    }
}
