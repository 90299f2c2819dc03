import ArgumentParser
import Documents
import Render
import Support

/// `--set field=value` options of `render` and `preview`: template fields the same for the whole document;
/// and the check of every field name given on the command line (`--set`, `--allow-blank`) against the
/// template, with a did-you-mean for a mistyped one.
enum FieldSettings {
    /// Throws a usage error naming the first entry that is not `field=value` with a well-formed field
    /// (before any file is read; whether the template uses it is checked by `checkNames`).
    static func check(_ settings: [String], _ l: Language) throws {
        for entry in settings where split(entry) == nil {
            throw ValidationError(l.pick("--set 应写成 字段=值，如 exam.title=2026年考试（“\(entry)”）", "--set takes field=value, e.g. exam.title=Exam (\"\(entry)\")"))
        }
        if names(settings).contains(CandidateRecords.photoField) {
            throw ValidationError(l.pick("--set photo：照片由 --photos 给出的压缩包提供", "--set photo: photos come from the archive given with --photos"))
        }
    }

    /// The settings as a template context (after `check`; malformed entries are left out); notices given as
    /// `notice.1`, `notice.2`, … are also numbered into the `notices` block.
    static func context(_ settings: [String]) -> [String: String] {
        var context: [String: String] = [:]
        for case let (field, value)? in settings.map(split) { context[field] = value }
        if context[TemplateValues.noticesField] == nil {
            context.merge(TemplateValues.notices(TemplateValues.noticeParagraphs(in: context))) { given, _ in given }
        }
        return context
    }

    /// The field names of `--set` entries.
    static func names(_ settings: [String]) -> [String] {
        settings.compactMap { split($0)?.0 }
    }

    /// Refuses (usage error, exit 2, after printing why) a `--set` key that the template does not use and
    /// kaowu does not know, and an `--allow-blank` field the template does not use; each with the closest
    /// name the template uses or kaowu knows.
    static func checkNames(set: [String], allowBlank: [String], template: Template, command: String, _ l: Language) throws {
        let used = TemplateFieldCheck.fields(of: template)
        var refusals: [String] = []
        // The known names (the built-in templates read once) only when a name is not one the template uses.
        for name in names(set) where !used.contains(name) && TemplateValues.noticeNumber(name) == nil && !DocumentFields.knownNames().contains(name) {
            let guess = DocumentFields.nearest(name, in: used.union(DocumentFields.knownNames()))
            refusals.append(l.pick("--set \(name)：模板“\(template.name)”没有用到这个字段，kaowu 也不认识它", "--set \(name): the template \"\(template.name)\" does not use this field and kaowu does not know it")
                            + (guess.map { l.pick("；是否想写 \($0)？", "; did you mean \($0)?") } ?? ""))
        }
        for name in allowBlank where !used.contains(name) {
            let guess = DocumentFields.nearest(name, in: used)
            refusals.append(l.pick("--allow-blank \(name)：模板“\(template.name)”没有用到这个字段", "--allow-blank \(name): the template \"\(template.name)\" does not use this field")
                            + (guess.map { l.pick("；是否想写 \($0)？", "; did you mean \($0)?") } ?? ""))
        }
        guard refusals.isEmpty else {
            printError(refusals.map { "kaowu \(command): " + $0 }.joined(separator: "\n"))
            throw ExitStatus.usage
        }
    }

    private static func split(_ entry: String) -> (String, String)? {
        let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, DocumentFields.isWellFormed(parts[0]) else { return nil }
        return (parts[0], parts[1])
    }
}
