import Foundation
import Identity
import Photos
import Render
import Roster
import Support
import Validation

/// Turns a validated roster and its photo archive into records to render: one per valid row, in roster
/// order, with every recognised field (gender and birth date derived from the ID when the roster has no
/// such column), the photo from the archive, and extra columns under their header text.
public enum RosterRecords {
    /// The validation report (rows with errors are refused and listed there) and the valid rows' records.
    public static func load(roster: String, photos: String?, options: ValidationOptions) -> (report: ValidationReport, records: [RenderRecord]) {
        let report = Validator(options: options).validate(rosterPath: roster, photosPath: photos)
        let refused = Set(report.problems.filter { $0.severity == .error }.compactMap(\.row))
        var photoIndex: [String: Int] = [:]
        var archive: SharedArchive?
        if let photos, let catalog = try? PhotoArchive.catalog(path: photos, limits: options.limits, language: options.language) {
            for entry in catalog.entries { if let key = entry.name?.key, photoIndex[key] == nil { photoIndex[key] = entry.index } }
            archive = try? SharedArchive(path: photos)
        }
        guard let reader = try? RosterFile.open(path: roster, sheet: options.sheet) else { return (report, []) }
        var head: [TableRow] = []
        while head.count < HeaderMap.searchDepth, let row = try? reader.nextRow() { head.append(row) }
        guard let header = HeaderMap.detect(in: head, overrides: options.mappings) else { return (report, []) }
        var records: [RenderRecord] = []
        func add(_ row: TableRow) {
            guard row.number > header.row, !row.isBlank, !refused.contains(row.number) else { return }
            var values: [String: String] = [:]
            for (field, column) in header.columns {
                let raw = row[column].text
                values[field.rawValue] = field == .name ? TextCleaner.cleanName(raw) : TextCleaner.clean(raw)
            }
            for (column, title) in header.headers.enumerated() where !title.isEmpty && values[title] == nil {
                values[title] = TextCleaner.clean(row[column].text)
            }
            let kind = values["idType"].flatMap { DocumentKind.parse($0) } ?? .residentID
            let check = IdentityValidator.check(values["id"] ?? "", kind: kind, today: options.today, language: options.language)
            values["id"] = check.normalized
            if (values["gender"] ?? "").isEmpty, let gender = check.gender { values["gender"] = gender.displayName(.zh) }
            if let birth = check.birthDate { values["birthdate"] = birth.description }
            values["row.index"] = String(records.count + 1)
            var images: [String: PageImage] = [:]
            if let index = photoIndex[check.normalized], let bytes = try? archive?.read(at: index, limit: options.limits.maxPhotoBytes) {
                let image: PageImage? = bytes.starts(with: [0x89, 0x50]) ? PNGImage(bytes: bytes)
                    : JPEGImage(bytes, id: "photo-" + check.normalized, decodePixels: false)
                if let image { images["photo"] = image }
            }
            records.append(RenderRecord(values: values, images: images))
        }
        for row in head { add(row) }
        while let row = try? reader.nextRow() { add(row) }
        return (report, records)
    }
}
