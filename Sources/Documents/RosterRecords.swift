import Foundation
import Identity
import Photos
import Render
import Roster
import Support
import Validation

/// One valid roster row ready to be placed on documents: its values by field name, and where its photo is
/// in the archive (read only when a document is drawn, so a pack of any size never holds the photos).
public struct CandidateRow: Sendable {
    public var values: [String: String]
    /// Index of the photo's entry in the archive.
    public var photoEntry: Int?
    /// The spreadsheet row number a person sees.
    public var row: Int
}

/// Turns a validated roster and its photo archive into records to render: one per valid row, in roster
/// order, with every recognised field (gender and birth date derived from the ID when the roster has no
/// such column), the photo from the archive, and extra columns under their header text.
public enum RosterRecords {
    /// What reading a roster for documents gives: the validation report, the valid rows (photos not read),
    /// and the refused rows' values (to name the people left out).
    public struct Candidates: Sendable {
        public var report: ValidationReport
        public var rows: [CandidateRow]
        public var refused: [CandidateRow]
    }

    /// Validates the roster and photos (one pass over each) and turns every row into values.
    public static func candidates(roster: String, photos: String?, options: ValidationOptions,
                                  progress: (@Sendable (String) -> Void)? = nil) -> Candidates {
        let (report, reading) = Validator(options: options).validate(rosterPath: roster, photosPath: photos, keepingRows: true, progress: progress)
        let refusedRows = Set(report.problems.filter { $0.severity == .error }.compactMap(\.row))
        var result = Candidates(report: report, rows: [], refused: [])
        guard let header = reading.header else { return result }
        for row in reading.rows {
            var values: [String: String] = [:]
            for (field, column) in header.columns {
                let raw = row[column].text
                values[field.rawValue] = field == .name ? TextCleaner.cleanName(raw) : TextCleaner.clean(raw)
            }
            guard !refusedRows.contains(row.number) else {
                result.refused.append(CandidateRow(values: values, photoEntry: nil, row: row.number))
                continue
            }
            for (column, title) in header.headers.enumerated() where !title.isEmpty && values[title] == nil {
                values[title] = TextCleaner.clean(row[column].text)
            }
            let kind = values["idType"].flatMap { DocumentKind.parse($0) } ?? .residentID
            let check = IdentityValidator.check(values["id"] ?? "", kind: kind, today: options.today, language: options.language)
            values["id"] = check.normalized
            if (values["gender"] ?? "").isEmpty, let gender = check.gender { values["gender"] = gender.displayName(.zh) }
            if let birth = check.birthDate { values["birthdate"] = birth.description }
            values["row.index"] = String(result.rows.count + 1)
            result.rows.append(CandidateRow(values: values, photoEntry: reading.photoIndex[check.normalized], row: row.number))
        }
        return result
    }

    /// The validation report and the valid rows' records with their photos read.
    public static func load(roster: String, photos: String?, options: ValidationOptions) -> (report: ValidationReport, records: [RenderRecord]) {
        let read = candidates(roster: roster, photos: photos, options: options)
        let (report, rows) = (read.report, read.rows)
        let archive = photos.flatMap { try? SharedArchive(path: $0) }
        let records = rows.map { row -> RenderRecord in
            var images: [String: PageImage] = [:]
            if let entry = row.photoEntry, let archive, let image = photo(from: archive, entry: entry, key: row.values["id"] ?? "", limit: options.limits.maxPhotoBytes) {
                images["photo"] = image
            }
            return RenderRecord(values: row.values, images: images)
        }
        return (report, records)
    }

    /// The photo at `entry` of `archive`, ready to draw (JPEG bytes embedded as they are), or nil when unreadable.
    public static func photo(from archive: SharedArchive, entry: Int, key: String, limit: Int) -> PageImage? {
        guard let bytes = try? archive.read(at: entry, limit: limit) else { return nil }
        return bytes.starts(with: [0x89, 0x50]) ? PNGImage(bytes: bytes) : JPEGImage(bytes, id: "photo-" + key, decodePixels: false)
    }
}
