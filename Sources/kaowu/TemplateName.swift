import ArgumentParser
import Documents
import Support

/// A template named on the command line (`render`, `preview`): a built-in kind or the path of a file.
/// A name that is neither a known kind nor looks like a path is a usage error before anything runs; a path
/// is looked for only when the command runs.
enum TemplateName {
    /// True when `name` is taken as a file path rather than a kind (as `BuiltInTemplates.path(for:)` does).
    static func isPath(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.contains("/")
    }

    /// Throws a usage error when `name` is no built-in kind and no path.
    static func check(_ name: String, _ l: Language) throws {
        guard !isPath(name), !BuiltInTemplates.names.contains(name) else { return }
        throw ValidationError(notFound(name, l))
    }

    /// "No template NAME" with the built-in kinds.
    static func notFound(_ name: String, _ l: Language) -> String {
        l.pick("找不到模板“\(name)”（内置：\(BuiltInTemplates.names.joined(separator: "、"))）",
               "no template \"\(name)\" (built in: \(BuiltInTemplates.names.joined(separator: ", ")))")
    }
}
