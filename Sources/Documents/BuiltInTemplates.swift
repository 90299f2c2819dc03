import Foundation
import Render

/// The built-in templates, one per paper kind, shipped with kaowu as resources of this module (in the
/// project they are `Sources/Documents/Resources/templates/`, also reachable as `templates/`), and desk
/// labels once more for each label stock (`desk-label.yaml` is 2x4 L7165, `desk-label-2x5.yaml`,
/// `desk-label-3x7.yaml`). `$KAOWU_TEMPLATES` names another folder to use instead.
public enum BuiltInTemplates {
    public static let kinds = PaperKind.allCases.map(\.rawValue)

    /// Every built-in template's name: the kinds, then the variants (what `template copy` and `render` take).
    public static var names: [String] { kinds + variants }

    /// The stock the built-in desk label is designed for.
    public static let deskLabelStock = LabelPreset.named("L7165")!

    /// The other built-in files: a desk label for every other stock (`desk-label-3x7`).
    public static let variants = LabelPreset.all.filter { $0 != deskLabelStock }.map { PaperKind.deskLabel.rawValue + "-" + $0.plain }

    /// The built-in template (its name without `.yaml`) for `kind` on `labels` stock: the desk label made
    /// for that stock, else the kind's own.
    public static func name(for kind: String, labels: LabelPreset?) -> String {
        guard kind == PaperKind.deskLabel.rawValue, let labels, labels != deskLabelStock else { return kind }
        return kind + "-" + labels.plain
    }

    /// The folder holding the built-in templates, if it can be found.
    public static func directory() -> String? {
        if let env = ProcessInfo.processInfo.environment["KAOWU_TEMPLATES"], !env.isEmpty { return env }
        return Bundle.module.url(forResource: "templates", withExtension: nil)?.path
    }

    /// The path of the template for `kindOrPath`: a file path as given, or a built-in kind's (or variant's) file.
    public static func path(for kindOrPath: String) -> String? {
        if kindOrPath.hasSuffix(".yaml") || kindOrPath.hasSuffix(".yml") || kindOrPath.contains("/") {
            return FileManager.default.fileExists(atPath: kindOrPath) ? kindOrPath : nil
        }
        guard kinds.contains(kindOrPath) || variants.contains(kindOrPath), let directory = directory() else { return nil }
        return directory + "/" + kindOrPath + ".yaml"
    }
}
