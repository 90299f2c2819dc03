import Support

/// A mistake in a template file (`template.invalid`), located for the person editing it: file, line and key.
public typealias TemplateError = FileMistake

extension FileMistake {
    /// The code of template mistakes.
    public static let templateCode = "template.invalid"

    /// A template mistake.
    public static func template(file: String, line: Int?, key: String, zh: String, en: String) -> FileMistake {
        FileMistake(code: templateCode, file: file, line: line, key: key, text: LocalizedText(zh: zh, en: en))
    }
}
