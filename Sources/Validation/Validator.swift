import Foundation
import Identity
import Photos
import Roster
import Support
import Synchronization

/// Validates a roster and, optionally, its photo archive: streams the roster row by row, checks the
/// photos on all cores (each worker reads the archive on demand with its own handle), then matches the
/// two. Problems of the input become report entries; only a missing file or a failing disk throws.
public struct Validator: Sendable {
    public let options: ValidationOptions

    public init(options: ValidationOptions) {
        self.options = options
    }

    /// Validates `rosterPath` and, when given, `photosPath`: the report only.
    public func validate(rosterPath: String, photosPath: String? = nil, progress: (@Sendable (LocalizedText) -> Void)? = nil) -> ValidationReport {
        validate(rosterPath: rosterPath, photosPath: photosPath, keepingCandidates: false, progress: progress).report
    }

    /// Validates `rosterPath` and `photosPath` and hands over the valid candidates with their photos'
    /// entries, so the stages after validation read nothing twice.
    public func validateRoster(rosterPath: String, photosPath: String?, progress: (@Sendable (LocalizedText) -> Void)? = nil) -> ValidatedRoster {
        validate(rosterPath: rosterPath, photosPath: photosPath, keepingCandidates: true, progress: progress)
    }

    private func validate(rosterPath: String, photosPath: String?, keepingCandidates: Bool,
                          progress: (@Sendable (LocalizedText) -> Void)?) -> ValidatedRoster {
        var candidates: [Candidate] = []
        var photoIndex: [String: Int] = [:]
        var report = ValidationReport()
        // The photos are checked on other threads while this one reads the roster.
        let group = DispatchGroup()
        let examined = Mutex<ArchiveExamination?>(nil)
        if let photosPath {
            DispatchQueue.global().async(group: group) {
                let result = self.examineArchive(photosPath, progress: progress)
                examined.withLock { $0 = result }
            }
        }
        var facts: [RowFacts] = []
        /// Document number → index in `facts` of its first row (duplicates, then photo matching).
        var indexOfKey: [String: Int] = [:]
        var rosterProblems: [Problem] = []
        /// Document number → index in `candidates` of the person.
        var candidateOfKey: [String: Int] = [:]
        /// Document number → every row of a person with more than one row.
        var laterRows: [String: [Int]] = [:]
        do {
            let reader = try RosterFile.open(path: rosterPath, sheet: options.sheet)
            var head: [TableRow] = []
            // A file damaged within its first rows still has its readable rows checked before the error is reported.
            var damage: Error?
            do {
                while head.count < HeaderMap.searchDepth, let row = try reader.nextRow() { head.append(row) }
            } catch {
                damage = error
            }
            var facts0 = ValidationReport.RosterFacts(file: rosterPath, sheet: reader.sheetName, format: reader.formatDescription)
            let header = HeaderMap.detect(in: head, overrides: options.mappings)
            // A --map naming a column that is not there stops the run (a usage mistake): nothing else is checked.
            report.mappingMistakes = MappedColumnMissing.find(options.mappings, headers: header?.headers ?? Self.likelyHeader(head),
                                                              headerRow: header?.row, file: rosterPath)
            if !report.mappingMistakes.isEmpty {
                report.roster = facts0
                return ValidatedRoster(report: report, candidates: [], refused: [])
            }
            guard let header else {
                report.roster = facts0
                if let damage { throw damage }
                throw RosterError(code: "roster.header-missing", file: rosterPath,
                                  zh: "在前 \(HeaderMap.searchDepth) 行里找不到表头：至少需要“姓名”和“身份证号”（或“证件号码”）两列。可用 --map 列名=字段 指定",
                                  en: "no header in the first \(HeaderMap.searchDepth) rows: need at least a name column (姓名) and an ID column (身份证号); use --map HEADER=field")
            }
            facts0.headerRow = header.row
            facts0.columns = Dictionary(uniqueKeysWithValues: header.columns.map { ($0.key.rawValue, columnLetters($0.value)) })
            report.roster = facts0
            for required in [Field.name, Field.id] where header[required] == nil {
                rosterProblems.append(Problem(.error, "roster.header-missing", row: header.row, field: required.rawValue,
                    message: LocalizedText(zh: "表头缺少“\(required.chineseHeader)”列（已找到：\(header.headers.filter { !$0.isEmpty }.joined(separator: "、"))）",
                                    en: "the header has no \(required.rawValue) column (found: \(header.headers.filter { !$0.isEmpty }.joined(separator: ", ")))")))
            }
            let checker = RowChecker(header: header, today: options.today, keptColumns: options.keptColumns)
            var people = PersonRows(header: header)
            func process(_ row: TableRow) {
                guard row.number > header.row, !row.isBlank else { return }
                var (fact, problems, candidate) = checker.check(row, makingCandidate: keepingCandidates)
                // A person may have several rows (one per subject): the later ones add registrations.
                let firstRow = fact.key.isEmpty ? nil : people.firstRow(of: fact.key)
                if !fact.key.isEmpty {
                    let found = people.add(row, key: fact.key, nameKey: fact.nameKey, name: fact.name,
                                           first: indexOfKey[fact.key].map { facts[$0] })
                    if found.contains(where: { $0.severity == .error }) { fact.hasError = true }
                    problems += found
                    if let firstRow { laterRows[fact.key, default: [firstRow]].append(row.number) } else { indexOfKey[fact.key] = facts.count }
                }
                if let candidate {
                    if firstRow != nil, let index = candidateOfKey[fact.key] {
                        candidates[index].registrations += candidate.registrations
                    } else {
                        if !fact.key.isEmpty { candidateOfKey[fact.key] = candidates.count }
                        candidates.append(candidate)
                    }
                }
                facts.append(fact)
                rosterProblems.append(contentsOf: problems)
            }
            for row in head { process(row) }
            if let damage { throw damage }
            while let row = try reader.nextRow() {
                process(row)
                if row.number % 10_000 == 0 { progress?(LocalizedText(zh: "已读 \(row.number) 行", en: "read \(row.number) rows")) }
            }
        } catch let error as RosterError {
            rosterProblems.append(Problem(.error, error.code, row: error.row, value: (rosterPath as NSString).lastPathComponent,
                                          message: LocalizedText(zh: "\(rosterPath)：\(error.zh)", en: "\(rosterPath): \(error.en)")))
            // Rows read before the damage still count and stay in the report; the rest could not be read.
        } catch {
            rosterProblems.append(Problem(.error, "roster.unreadable", message: LocalizedText(zh: "\(rosterPath)：无法读取（\(error)）", en: "\(rosterPath): cannot read (\(error))")))
        }

        var photoProblems: [Problem] = []
        if photosPath != nil {
            group.wait()
            var examination = examined.withLock { $0 } ?? ArchiveExamination()
            examination = settleNames(examination, rosterNames: Set(facts.map(\.nameKey).filter { !$0.isEmpty }), progress: progress)
            photoProblems = matchPhotos(examination, facts: &facts, indexOfKey: indexOfKey, report: &report)
            if keepingCandidates {
                for entry in examination.catalog.entries {
                    if let key = entry.name?.key, photoIndex[key] == nil { photoIndex[key] = entry.index }
                }
            }
        }

        // A person whose first row has an error (their number, their photo) sits nothing: their other rows say so.
        var problems = rosterProblems + photoProblems
        let errorRows = Set(problems.filter { $0.severity == .error }.compactMap(\.row))
        for rows in laterRows.values where errorRows.contains(rows[0]) {
            for row in rows.dropFirst() where !errorRows.contains(row) {
                problems.append(Problem(.error, "roster.person-refused", row: row, field: Field.id.rawValue,
                    message: LocalizedText(zh: "同一考生的第 \(rows[0]) 行有错误，本行的报名一并未排考", en: "the same person's row \(rows[0]) has errors; this row's registration is left out too")))
            }
        }
        if !laterRows.isEmpty { problems.sort(by: ValidationReport.byRowThenEntry) }
        report.rows = facts.count
        report.problems = problems
        // A row with any error, the photo's included, is left out; the others go on with their photo entry.
        let refusedRows = Set(report.problems.filter { $0.severity == .error }.compactMap(\.row))
        report.valid = facts.filter { !refusedRows.contains($0.row) }.count
        var result = ValidatedRoster(report: report, candidates: [], refused: [])
        for var candidate in candidates {
            if refusedRows.contains(candidate.row) {
                for row in Set(candidate.registrations.map(\.row) + [candidate.row]).sorted() {
                    result.refused.append(.init(row: row, name: candidate.name, idNumber: candidate.fields[.id] ?? ""))
                }
            } else {
                // Registrations of rows with errors are left out; the person sits the others.
                for row in Set(candidate.registrations.map(\.row).filter(refusedRows.contains)).sorted() {
                    result.refused.append(.init(row: row, name: candidate.name, idNumber: candidate.fields[.id] ?? ""))
                }
                candidate.registrations.removeAll { refusedRows.contains($0.row) }
                candidate.photoEntry = photoIndex[candidate.idNumber]
                result.candidates.append(candidate)
            }
        }
        result.refused.sort { $0.row < $1.row }
        return result
    }

    /// The texts of the row most like a header among `rows` when none was recognised: the first with two
    /// or more cells of text, else the first with any.
    static func likelyHeader(_ rows: [TableRow]) -> [String] {
        let texts = { (row: TableRow) in row.cells.map { TextCleaner.key($0.text) } }
        let row = rows.first { $0.cells.filter { !$0.isBlank }.count >= 2 } ?? rows.first { !$0.isBlank }
        return row.map(texts) ?? []
    }

    // MARK: photos

    /// What the archive held and what checking each photo found, independent of the roster.
    struct ArchiveExamination: Sendable {
        var catalog = ArchiveCatalog()
        var inspections: [PhotoInspection] = []
        /// The central directory as stored, for reading the names again once the roster is known.
        var directory: ArchiveDirectory?
        /// Why the archive could not be opened or was refused whole; every row then lacks its photo.
        var refusal: Problem?
    }

    /// Catalogues the archive and inspects every photo on all cores (runs while the roster is read).
    func examineArchive(_ path: String, progress: (@Sendable (LocalizedText) -> Void)?) -> ArchiveExamination {
        var result = ArchiveExamination()
        do {
            // Names are read by common hanzi for now; `settleNames` weighs the roster's names once read.
            let directory = try ArchiveDirectory.read(path: path, limits: options.limits)
            result.catalog = PhotoArchive.catalog(directory, names: NameEncodingChoice.choose(directory.undeclaredNames),
                                                  limits: options.limits)
            // Kept only when there are names to read again.
            if result.catalog.nameEncoding.basis != .none { result.directory = directory }
        } catch {
            let problem = Problem(.error, "archive.unreadable", entry: path,
                message: LocalizedText(zh: "照片压缩包无法打开（\(error)）。请确认它是 .zip 格式", en: "the photo archive cannot be opened (\(error)); it must be a .zip"))
            result.catalog.problems = [problem]
            result.refusal = problem
            return result
        }
        if let refusal = result.catalog.refusal {
            result.refusal = refusal
            return result
        }
        result.inspections = inspectAll(result.catalog.entries, archive: path, rules: photoRules(), progress: progress)
        return result
    }

    /// The photo rules of the options.
    private func photoRules() -> PhotoRules { options.photo }

    /// Chooses the encoding of the archive's names without the UTF-8 flag again, now by the roster's
    /// names. When that gives the other encoding than the provisional one, the names are read again and
    /// each photo keeps its inspection (by entry index, problems relabelled); a photo that only the new
    /// names make a photo is inspected now.
    func settleNames(_ examination: ArchiveExamination, rosterNames: Set<String>,
                     progress: (@Sendable (LocalizedText) -> Void)?) -> ArchiveExamination {
        guard examination.refusal == nil, let directory = examination.directory,
              examination.catalog.nameEncoding.basis != .none else { return examination }
        let choice = NameEncodingChoice.choose(directory.undeclaredNames, rosterNames: rosterNames)
        var result = examination
        if choice.encoding == examination.catalog.nameEncoding.encoding {
            result.catalog.nameEncoding = choice
            return result
        }
        result.catalog = PhotoArchive.catalog(directory, names: choice, limits: options.limits)
        if let refusal = result.catalog.refusal {
            result.refusal = refusal
            return result
        }
        var earlier: [Int: (path: String, inspection: PhotoInspection)] = [:]
        for (entry, inspection) in zip(examination.catalog.entries, examination.inspections) {
            earlier[entry.index] = (entry.path, inspection)
        }
        var inspections: [PhotoInspection?] = result.catalog.entries.map { entry in
            guard let before = earlier[entry.index] else { return nil }
            var inspection = before.inspection
            for i in inspection.problems.indices where inspection.problems[i].entry == before.path {
                inspection.problems[i].entry = entry.path
            }
            return inspection
        }
        let unchecked = inspections.indices.filter { inspections[$0] == nil }
        if !unchecked.isEmpty {
            let late = inspectAll(unchecked.map { result.catalog.entries[$0] }, archive: directory.path, rules: photoRules(), progress: progress)
            for (i, inspection) in zip(unchecked, late) { inspections[i] = inspection }
        }
        result.inspections = inspections.map { $0 ?? PhotoInspection() }
        return result
    }

    /// Matches the examined photos with the roster rows: orphans, duplicates, name mismatches, rows without a photo.
    private func matchPhotos(_ examination: ArchiveExamination, facts: inout [RowFacts], indexOfKey rowOfKey: [String: Int],
                             report: inout ValidationReport) -> [Problem] {
        let catalog = examination.catalog
        let inspections = examination.inspections
        var problems = catalog.problems
        report.photos = catalog.entries.count
        if let refusal = examination.refusal {
            // No photo can be used: every row lacks its photo, for the archive's reason.
            for i in facts.indices where !facts[i].key.isEmpty && rowOfKey[facts[i].key] == i {
                facts[i].hasError = true
                problems.append(Problem(.error, "photo.missing", row: facts[i].row, field: Field.id.rawValue, value: facts[i].key,
                    message: LocalizedText(zh: "照片压缩包未能检查，这位考生没有可用的照片：\(refusal.text.zh)",
                                    en: "the photo archive could not be checked, so this candidate has no usable photo: \(refusal.text.en)")))
            }
            problems.sort(by: ValidationReport.byRowThenEntry)
            return problems
        }
        report.photoNames = catalog.nameEncoding

        let damagedRowOfOrphan = Self.damagedRows(ofOrphans: catalog.entries.compactMap(\.name?.key).filter { rowOfKey[$0] == nil },
                                                  facts: facts)
        var photoOfRow: [Int: String] = [:]
        for (entry, inspection) in zip(catalog.entries, inspections) {
            if let colour = inspection.background { report.backgrounds[colour.rawValue, default: 0] += 1 }
            var entryProblems = inspection.problems
            guard let name = entry.name, PhotoName.photoExtensions.contains(name.fileExtension) || inspection.background != nil else {
                if entry.name == nil {
                    entryProblems.append(Problem(.warning, "photo.filename", value: PhotoName.baseName(entry.path), entry: entry.path,
                        message: LocalizedText(zh: "文件名里没有证件号码，无法对应到考生。应命名为“身份证号.jpg”或“姓名-身份证号.jpg”",
                                        en: "the file name holds no ID number, so it matches nobody; name it ID.jpg or NAME-ID.jpg")))
                }
                problems.append(contentsOf: entryProblems)
                continue
            }
            guard let factIndex = rowOfKey[name.key] else {
                if let damaged = damagedRowOfOrphan[name.key] {
                    // Most likely the photo of the row whose number Excel damaged: named there, with that row.
                    let fact = facts[damaged]
                    let shown = fact.damage?.shown ?? fact.key
                    entryProblems.append(Problem(.warning, "photo.orphan", row: fact.row, value: name.key, entry: entry.path,
                        message: LocalizedText(zh: "名单里没有证件号码为 \(name.key) 的考生；这很可能是第 \(fact.row) 行的照片：该行的证件号码被 Excel 存成了数字（显示为 \(shown)），请在名单里改填完整号码",
                                        en: "no roster row has the ID number \(name.key); probably the photo of row \(fact.row), whose ID Excel damaged (shown as \(shown)): type the full number there")))
                } else {
                    entryProblems.append(Problem(.warning, "photo.orphan", value: name.key, entry: entry.path,
                        message: LocalizedText(zh: "名单里没有证件号码为 \(name.key) 的考生（多余的照片）", en: "no roster row has the ID number \(name.key) (a photo without a candidate)")))
                }
                problems.append(contentsOf: entryProblems)
                continue
            }
            let row = facts[factIndex].row
            if let first = photoOfRow[factIndex] {
                entryProblems.append(Problem(.error, "photo.duplicate", row: row, value: name.key, entry: entry.path,
                    message: LocalizedText(zh: "同一考生有两张照片：\(first) 和 \(entry.path)，请只保留一张", en: "two photos for one candidate: \(first) and \(entry.path); keep one")))
            } else {
                photoOfRow[factIndex] = entry.path
            }
            if let person = name.personName, !facts[factIndex].nameKey.isEmpty, person != facts[factIndex].nameKey {
                entryProblems.append(Problem(.error, "photo.name-mismatch", row: row, value: person, entry: entry.path,
                    message: LocalizedText(zh: "照片文件名中的姓名“\(person)”与名单第 \(row) 行的“\(facts[factIndex].name)”不一致",
                                    en: "the name \"\(person)\" in the file name differs from \"\(facts[factIndex].name)\" on row \(row)")))
            }
            for i in entryProblems.indices { entryProblems[i].row = row }
            if entryProblems.contains(where: { $0.severity == .error }) { facts[factIndex].hasError = true }
            problems.append(contentsOf: entryProblems)
        }
        // A row whose number is damaged or of an unknown kind has its own error asking for the number; no
        // photo is expected under the number as it stands.
        for i in facts.indices where !facts[i].key.isEmpty && facts[i].keyTrusted && photoOfRow[i] == nil && rowOfKey[facts[i].key] == i {
            facts[i].hasError = true
            let key = facts[i].key
            problems.append(Problem(.error, "photo.missing", row: facts[i].row, field: Field.id.rawValue, value: key,
                message: LocalizedText(zh: "压缩包里没有这位考生的照片（应为 \(key).jpg）", en: "no photo for this candidate in the archive (expected \(key).jpg)")))
        }
        problems.sort(by: ValidationReport.byRowThenEntry)
        return problems
    }

    /// The row (index in `facts`) each orphan photo's number most likely belongs to: a row whose number
    /// Excel damaged and whose surviving digits begin that number. Only links that are unambiguous both
    /// ways are made (one orphan for the row, one damaged row for the orphan).
    static func damagedRows(ofOrphans orphans: [String], facts: [RowFacts]) -> [String: Int] {
        let damaged = facts.indices.filter { facts[$0].damage != nil }
        guard !damaged.isEmpty, !orphans.isEmpty else { return [:] }
        // Orphans by their first digits, so a whole column of damaged numbers is not compared with every photo.
        var byStart: [Substring: Set<String>] = [:]
        for key in orphans where key.count >= DamagedID.digitsToLink {
            byStart[key.prefix(DamagedID.digitsToLink), default: []].insert(key)
        }
        var rowsOfOrphan: [String: [Int]] = [:]
        for i in damaged {
            guard let damage = facts[i].damage, let bucket = byStart[damage.survivingDigits.prefix(DamagedID.digitsToLink)] else { continue }
            let matching = bucket.filter(damage.couldBe)
            if matching.count == 1, let key = matching.first { rowsOfOrphan[key, default: []].append(i) }
        }
        return rowsOfOrphan.compactMapValues { $0.count == 1 ? $0[0] : nil }
    }

    /// Inspects every entry on `options.threads` workers sharing one archive handle, each with its own decoder.
    private func inspectAll(_ entries: [ArchiveEntry], archive: String, rules: PhotoRules,
                            progress: (@Sendable (LocalizedText) -> Void)?) -> [PhotoInspection] {
        guard let shared = try? SharedArchive(path: archive) else {
            return entries.map { PhotoInspection(problems: [Problem(.error, "archive.unreadable", entry: $0.path,
                message: LocalizedText(zh: "压缩包无法再次打开", en: "the archive could not be reopened"))]) }
        }
        let results = Mutex<[PhotoInspection?]>(Array(repeating: nil, count: entries.count))
        let workers = max(1, min(options.threads, entries.count))
        let done = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local: [(Int, PhotoInspection)] = []
            let inspector = PhotoInspector(archive: shared, rules: rules)
            var i = worker
            while i < entries.count {
                local.append((i, inspector.inspect(entries[i])))
                let n = done.add(1, ordering: .relaxed).newValue
                if n % 10_000 == 0 { progress?(LocalizedText(zh: "已检查 \(n) 张照片", en: "checked \(n) photos")) }
                i += workers
            }
            results.withLock { all in for (k, r) in local { all[k] = r } }
        }
        return results.withLock { $0.map { $0 ?? PhotoInspection() } }
    }
}
