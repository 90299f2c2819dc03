import Identity
import Roster
import Support

/// Checks one roster row: name, document type and number, gender and birth date against the number,
/// phone. Stateless apart from the date; duplicates are found by the caller. Messages are kept in both languages.
struct RowChecker {
    let header: HeaderMap
    let today: CivilDate
    /// The columns a candidate keeps by header text (nil: all).
    let keptColumns: Set<String>?
    /// One copy of the values that repeat from row to row.
    private let repeated = RepeatedValues()
    /// Column letter of each recognised field, worked out once.
    private let letters: [Field: String]

    init(header: HeaderMap, today: CivilDate, keptColumns: Set<String>? = nil) {
        self.header = header
        self.today = today
        self.keptColumns = keptColumns
        letters = header.columns.mapValues(columnLetters)
    }

    func cell(_ row: TableRow, _ field: Field) -> CellValue? {
        header[field].map { row[$0] }
    }

    func problem(_ severity: Severity, _ code: String, _ row: TableRow, _ field: Field, value: String?, _ message: LocalizedText) -> Problem {
        Problem(severity, code, row: row.number, column: letters[field], field: field.rawValue, value: value, message: message)
    }

    /// The problems of `row`, the facts kept about it and, when `makingCandidate`, the candidate it makes
    /// (validation alone keeps no candidates, so it builds none).
    func check(_ row: TableRow, makingCandidate: Bool) -> (facts: RowFacts, problems: [Problem], candidate: Candidate?) {
        var problems: [Problem] = []

        // Name.
        // Checked and compared in its key form (阿卜杜•热合曼 is valid), printed as written.
        let rawName = cell(row, .name)?.text ?? ""
        let nameKey = TextCleaner.nameKey(rawName)
        let name = TextCleaner.asWritten(rawName)
        if header[.name] == nil {
            problems.append(problem(.error, "name.missing", row, .name, value: nil, LocalizedText(zh: "名单没有“姓名”列", en: "the roster has no name column")))
        } else {
            if nameKey.isEmpty {
                problems.append(problem(.error, "name.missing", row, .name, value: nil, LocalizedText(zh: "姓名为空", en: "the name is empty")))
            } else if let reason = NameRule.invalidReason(nameKey) {
                problems.append(problem(.error, "name.invalid", row, .name, value: rawName, reason))
            }
        }

        // Document type; nil when the 证件类型 names none kaowu knows (the number is then not checked
        // against the rules of a kind it may not be, so the row gets one clear error).
        var kind: IDKind? = .residentID
        if let typeCell = cell(row, .idType), !typeCell.isBlank {
            if let parsed = IDKind.parse(TextCleaner.key(typeCell.text)) {
                kind = parsed
            } else {
                kind = nil
                problems.append(problem(.error, "id.type-unknown", row, .idType, value: typeCell.text,
                    LocalizedText(zh: "无法识别的证件类型“\(typeCell.text)”。可用：居民身份证、港澳台居民居住证、外国人永久居留身份证、港澳居民来往内地通行证、台湾居民来往大陆通行证、护照",
                           en: "unknown document type \"\(typeCell.text)\"; use one of: resident ID, residence permit, foreign permanent residence ID, HK/Macau travel permit, Taiwan travel permit, passport")))
            }
        }

        // Document number.
        var key = ""
        var check: IdentityCheck?
        var damage: DamagedID?
        if header[.id] == nil {
            problems.append(problem(.error, "id.missing", row, .id, value: nil, LocalizedText(zh: "名单没有“身份证号”列", en: "the roster has no ID number column")))
        } else if let idCell = cell(row, .id) {
            if idCell.isBlank {
                problems.append(problem(.error, "id.missing", row, .id, value: nil, LocalizedText(zh: "证件号码为空", en: "the ID number is empty")))
            } else if let kind, let found = NumberDamage.detect(idCell, kind: kind) {
                damage = found
                let asNumber = found.shown
                problems.append(problem(.error, "roster.id-as-number", row, .id, value: asNumber,
                    LocalizedText(zh: "证件号码被 Excel 存成了数字（显示为 \(asNumber)），后几位已经丢失，无法恢复。请把该列设置为“文本”格式，重新填入完整号码（或在号码前加英文单引号 '）",
                           en: "Excel stored the ID as a number (shown as \(asNumber)); its last digits are lost for good. Format the column as Text and type the full numbers again (or prefix them with ')")))
                key = TextCleaner.documentNumber(idCell.text)
            } else if let kind {
                let result = IdentityValidator.check(idCell.text, kind: kind, today: today)
                check = result
                key = result.normalized
                for issue in result.issues {
                    problems.append(problem(issue.severity, issue.code, row, .id, value: idCell.text, issue.text))
                }
            } else {
                // An unknown document type: kept as the row's key, so a repeated number or its photo is still found.
                key = TextCleaner.documentNumber(idCell.text)
            }
        }

        // Gender and birth date against the number.
        if let check {
            if let derived = check.gender, let genderCell = cell(row, .gender), !genderCell.isBlank {
                let text = TextCleaner.key(genderCell.text)
                if let stated = Gender.parse(text) {
                    if stated != derived {
                        problems.append(problem(.error, "gender.mismatch", row, .gender, value: text,
                            LocalizedText(zh: "性别填的是“\(stated.displayName(.zh))”，但证件号码对应“\(derived.displayName(.zh))”，请核对",
                                   en: "gender says \(stated.displayName(.en)) but the ID number says \(derived.displayName(.en))")))
                    }
                } else {
                    problems.append(problem(.warning, "gender.invalid", row, .gender, value: text,
                        LocalizedText(zh: "性别应填“男”或“女”", en: "gender should be 男 (male) or 女 (female)")))
                }
            }
            if let derived = check.birthDate, let birthCell = cell(row, .birthdate), !birthCell.isBlank {
                let stated: CivilDate?
                switch birthCell {
                case .date(let y, let m, let d): stated = CivilDate(year: y, month: m, day: d)
                default: stated = CivilDate.parse(TextCleaner.key(birthCell.text))
                }
                if let stated {
                    if !stated.matches(derived) {
                        problems.append(problem(.error, "birthdate.mismatch", row, .birthdate, value: birthCell.text,
                            LocalizedText(zh: "出生日期填的是 \(stated)，但证件号码中的出生日期是 \(derived)，请核对",
                                   en: "birth date says \(stated) but the ID number says \(derived)")))
                    }
                } else {
                    problems.append(problem(.warning, "birthdate.format", row, .birthdate, value: birthCell.text,
                        LocalizedText(zh: "无法识别的出生日期“\(birthCell.text)”，请写成 1990-03-07", en: "unreadable birth date \"\(birthCell.text)\"; write it as 1990-03-07")))
                }
            }
        }

        // Phone.
        if let phoneCell = cell(row, .phone), !phoneCell.isBlank {
            let phone = TextCleaner.documentNumber(phoneCell.text)
            if !PhoneRule.isPlausible(phone) {
                problems.append(problem(.warning, "phone.format", row, .phone, value: phoneCell.text,
                    LocalizedText(zh: "手机号应为 11 位数字（以 1 开头）", en: "a mobile number has 11 digits starting with 1")))
            }
        }

        let hasError = problems.contains { $0.severity == .error }
        let facts = RowFacts(row: row.number, key: key, keyTrusted: kind != nil && damage == nil, damage: damage,
                             nameKey: nameKey, name: name, hasError: hasError)
        return (facts, problems,
                makingCandidate ? candidate(row, name: name, kind: kind ?? .residentID, key: key, check: check) : nil)
    }

    /// The row as a candidate: the identity check's results, and every column (or those kept) as written (`TextCleaner.asWritten`).
    private func candidate(_ row: TableRow, name: String, kind: IDKind, key: String, check: IdentityCheck?) -> Candidate {
        var fields: [Field: String] = [:]
        for (field, column) in header.columns {
            let text = field == .name ? name : TextCleaner.asWritten(row[column].text)
            fields[field] = RepeatedValues.fields.contains(field) ? repeated.shared(text) : text
        }
        var columns: [String: String] = [:]
        for (column, title) in header.headers.enumerated() where !title.isEmpty && columns[title] == nil && keptColumns?.contains(title) != false {
            columns[title] = TextCleaner.asWritten(row[column].text)
        }
        let stated = fields[.gender].flatMap { $0.isEmpty ? nil : Gender.parse($0) }
        return Candidate(row: row.number, name: name, idKind: kind, idNumber: key, gender: stated ?? check?.gender,
                         birthDate: check?.birthDate, school: fields[.school] ?? "", subject: fields[.subject] ?? "",
                         fields: fields, columns: columns)
    }
}
