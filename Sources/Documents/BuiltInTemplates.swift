import Foundation

/// The built-in templates, one per paper kind, shipped with kaowu as resources of this module (in the
/// project they are `Sources/Documents/Resources/templates/`, also reachable as `templates/`).
/// `$KAOWU_TEMPLATES` names another folder to use instead.
public enum BuiltInTemplates {
    public static let kinds = PaperKind.allCases.map(\.rawValue)

    /// The folder holding the built-in templates, if it can be found.
    public static func directory() -> String? {
        if let env = ProcessInfo.processInfo.environment["KAOWU_TEMPLATES"], !env.isEmpty { return env }
        return Bundle.module.url(forResource: "templates", withExtension: nil)?.path
    }

    /// The path of the template for `kindOrPath`: a file path as given, or a built-in kind's file.
    public static func path(for kindOrPath: String) -> String? {
        if kindOrPath.hasSuffix(".yaml") || kindOrPath.hasSuffix(".yml") || kindOrPath.contains("/") {
            return FileManager.default.fileExists(atPath: kindOrPath) ? kindOrPath : nil
        }
        guard kinds.contains(kindOrPath), let directory = directory() else { return nil }
        return directory + "/" + kindOrPath + ".yaml"
    }
}
