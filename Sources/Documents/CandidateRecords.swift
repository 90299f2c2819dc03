import Identity
import Photos
import Render
import Roster
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

    /// The records of `candidates`, each with its photo read from the archive at `photos` (at most `limit` bytes).
    public static func records(_ candidates: [Candidate], photos: String?, limit: Int) -> [RenderRecord] {
        let archive = photos.flatMap { try? SharedArchive(path: $0) }
        return candidates.enumerated().map { index, candidate in
            var images: [String: PageImage] = [:]
            if let entry = candidate.photoEntry, let archive,
               let image = photo(from: archive, entry: entry, key: candidate.idNumber, limit: limit) {
                images["photo"] = image
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
