import ArgumentParser
import Documents
import Support

/// `--set field=value` options of `render` and `preview`: template fields the same for the whole document.
enum FieldSettings {
    /// Throws a usage error naming the first entry that is not `field=value` with a known field.
    static func check(_ settings: [String], _ l: Language) throws {
        for entry in settings where split(entry) == nil {
            throw ValidationError(l.pick("--set 应写成 字段=值，如 exam.title=2026年考试（“\(entry)”）", "--set takes field=value, e.g. exam.title=Exam (\"\(entry)\")"))
        }
    }

    /// The settings as a template context (after `check`; malformed entries are left out).
    static func context(_ settings: [String]) -> [String: String] {
        var context: [String: String] = [:]
        for case let (field, value)? in settings.map(split) { context[field] = value }
        return context
    }

    private static func split(_ entry: String) -> (String, String)? {
        let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, DocumentFields.isKnown(parts[0]) else { return nil }
        return (parts[0], parts[1])
    }
}
