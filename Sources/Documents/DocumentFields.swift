import Roster

/// The names a template may bind: every roster field (`name`, `id`, `school`, …), the candidate's
/// `photo`, `seat`, `row.index` (position in a list), `gender` and `birthdate` (from the ID when the
/// roster has no such column), and values given per job under a namespace (`exam.title`, `room.name`,
/// `course.name`, `issuer.name`, `certificate.number`, `page.number`, …).
public enum DocumentFields {
    public static let namespaces = ["exam.", "site.", "room.", "session.", "sessions.", "course.", "class.", "issuer.",
                                    "certificate.", "page.", "count.", "notice."]
    public static let candidateExtras: Set<String> = ["photo", "seat", "row.index"]

    public static func isKnown(_ name: String) -> Bool {
        Field(rawValue: name) != nil || candidateExtras.contains(name) || namespaces.contains { name.hasPrefix($0) && name.count > $0.count }
    }
}
