import Foundation
import Render
import Roster

/// The names a template may bind: any well-formed name. Whether a command supplies it — a roster column
/// (a recognised field such as `name`, or any header text such as `证书编号`), a job value or `--set`, or a
/// value kaowu computes — is checked against the actual inputs (`TemplateFieldCheck`). Job values live
/// under namespaces (`exam.title`, `room.name`, `course.name`, …) and are the same for a whole document.
public enum DocumentFields {
    public static let namespaces = ["exam.", "site.", "room.", "session.", "sessions.", "course.", "class.", "issuer.",
                                    "certificate.", "page.", "count.", "notice."]

    /// The longest field name taken.
    static let maxLength = 100

    /// Whether `name` can be a field: not empty, at most 100 characters, no spaces, control characters,
    /// braces, `|` or `=`, and not a bare namespace (`exam.`).
    public static func isWellFormed(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= maxLength, !name.hasSuffix("."), !name.hasPrefix(".") else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            !CharacterSet.whitespacesAndNewlines.contains(scalar) && !CharacterSet.controlCharacters.contains(scalar)
                && !"{}|=".unicodeScalars.contains(scalar)
        }
    }

    /// Whether `name` is a job value, the same for a whole document (`exam.title`, `room.name`, …).
    public static func isJobValue(_ name: String) -> Bool {
        namespaces.contains { name.hasPrefix($0) && name.count > $0.count }
    }

    /// Every field name kaowu supplies or its built-in templates use: what a mistyped `--set` key or
    /// template field is compared with ("did you mean …?"). Made once, when first asked for.
    public static func knownNames() -> Set<String> { known }

    private static let known: Set<String> = {
        var names = Set(Field.allCases.map(\.rawValue))
        names.formUnion(CandidateRecords.probeFields)
        names.formUnion(TemplateValues.probeFields)
        names.formUnion(CourseTemplateValues.probeFields)
        names.formUnion(PaperRenderer.tableFields)
        for kind in PaperKind.allCases {
            guard let path = BuiltInTemplates.path(for: kind.rawValue),
                  let template = try? TemplateLoader(isKnownField: isWellFormed).load(path: path) else { continue }
            names.formUnion(TemplateFieldCheck.fields(of: template))
        }
        return names
    }()

    /// The name among `candidates` closest to `name` (at most a third of its length in edits, and at most
    /// 3), if any: the did-you-mean of unknown names.
    public static func nearest(_ name: String, in candidates: Set<String>) -> String? {
        let limit = min(3, max(1, name.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in candidates.sorted() where candidate != name {
            let d = editDistance(name.lowercased(), candidate.lowercased())
            if d <= limit, d < (best?.distance ?? .max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// For a template field nothing supplies: the supplied field it was probably meant to be, unless it is
    /// a name kaowu knows (then it is simply not supplied, not mistyped).
    public static func misspelt(_ field: String, supplied: Set<String>) -> String? {
        guard !knownNames().contains(field) else { return nil }
        return nearest(field, in: supplied)
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count), current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
