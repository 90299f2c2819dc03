import Identity
import Photos
import Render
import Roster
import Support
import Validation

/// Adapts validated candidates to what templates bind: every recognised field under its name (`name`, `id`,
/// `school`, …), every titled column under its header text (`{{证书编号}}`), the gender and birth date the
/// document number gives where the roster states none, `row.index`, and the photo read from the archive.
public enum CandidateRecords {
    /// The template values of `candidate`, the `index`-th (0-based) of its list.
    public static func values(_ candidate: Candidate, index: Int) -> [String: String] {
        var values: [String: String] = [:]
        for (field, text) in candidate.fields { values[field.rawValue] = text }
        for (title, text) in candidate.columns where values[title] == nil { values[title] = text }
        values["id"] = candidate.idNumber
        if (values["gender"] ?? "").isEmpty, let gender = candidate.gender { values["gender"] = gender.displayName(.zh) }
        if let birth = candidate.birthDate { values["birthdate"] = birth.description }
        values["row.index"] = String(index + 1)
        return values
    }

    /// The fields a roster with `header` supplies to every candidate's record: each recognised column by
    /// its field, each titled column by its header text, the document number, the gender and birth date the
    /// number gives, `row.index`, and `photo` when there is a photo archive. Made by `values` itself, from a
    /// candidate that has every column, so it can never disagree with what is printed.
    public static func suppliedFields(header: HeaderMap, photos: Bool) -> Set<String> {
        var fields: [Field: String] = [:]
        for field in header.columns.keys { fields[field] = "·" }
        var columns: [String: String] = [:]
        for title in header.headers where !title.isEmpty { columns[title] = "·" }
        return suppliedFields(probe(fields: fields, columns: columns), photos: photos)
    }

    /// Every field a candidate's record can have, whatever its roster's columns.
    static var probeFields: Set<String> {
        suppliedFields(probe(fields: Dictionary(uniqueKeysWithValues: Field.allCases.map { ($0, "·") }), columns: [:]), photos: true)
    }

    /// A candidate with every column given, and the gender and birth date of a resident ID.
    static func probe(fields: [Field: String], columns: [String: String]) -> Candidate {
        Candidate(row: 2, name: "·", idKind: .residentID, idNumber: "·", gender: .female, birthDate: CivilDate(year: 1990, month: 1, day: 1),
                  fields: fields, columns: columns)
    }

    /// The non-blank values `values` gives `candidate`, and `photo` when there are photos.
    static func suppliedFields(_ candidate: Candidate, photos: Bool) -> Set<String> {
        var supplied = Set(values(candidate, index: 0).filter { !$0.value.isEmpty }.keys)
        if photos { supplied.insert(photoField) }
        return supplied
    }

    /// The image field of the candidate's photo.
    public static let photoField = "photo"

    /// The records of `candidates`, each with its photo read from the archive at `photos` (at most `limit` bytes).
    public static func records(_ candidates: [Candidate], photos: String?, limit: Int) -> [RenderRecord] {
        let archive = photos.flatMap { try? SharedArchive(path: $0) }
        return candidates.enumerated().map { index, candidate in
            var images: [String: PageImage] = [:]
            if let entry = candidate.photoEntry, let archive,
               let image = photo(from: archive, entry: entry, key: candidate.idNumber, limit: limit) {
                images[photoField] = image
            }
            return RenderRecord(values: values(candidate, index: index), images: images)
        }
    }

    /// The photo at `entry` of `archive`, ready to draw (JPEG bytes embedded as they are), or nil when unreadable.
    public static func photo(from archive: SharedArchive, entry: Int, key: String, limit: Int) -> PageImage? {
        guard let bytes = try? archive.read(at: entry, limit: limit) else { return nil }
        return bytes.starts(with: [0x89, 0x50]) ? PNGImage(bytes: bytes) : JPEGImage(bytes, id: "photo-" + key, decodePixels: false)
    }
}
