import Foundation

/// The built-in templates (`templates/*.yaml` in the project), one per document kind, and where they are
/// found: `$KAOWU_TEMPLATES`, the project's `templates/` beside the built tool, or the current folder's.
public enum BuiltInTemplates {
    public static let kinds = PaperKind.allCases.map(\.rawValue)

    /// The folder holding the built-in templates, if it can be found.
    public static func directory() -> String? {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["KAOWU_TEMPLATES"] { candidates.append(env) }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<4 {                       // .build/<config>/kaowu → project root
            candidates.append(folder.appendingPathComponent("templates").path)
            folder = folder.deletingLastPathComponent()
        }
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(here.appendingPathComponent("templates").path)
        candidates.append(FileManager.default.currentDirectoryPath + "/templates")
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/admission-ticket.yaml") }
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
