import Support

/// A mistake in a file a person writes — a template, a job file or a table it names: the file, the line (or
/// row), the key and what is wrong, in both languages. A file with several mistakes is reported as the first,
/// with the others in `more`. Known as `TemplateError` (`template.invalid`) and `JobError` (`job.invalid`).
public struct FileMistake: Error, Diagnostic, CustomStringConvertible {
    /// `template.invalid` or `job.invalid`.
    public let code: String
    public let file: String
    public let line: Int?
    public let key: String
    /// What is wrong, without the place.
    public let text: LocalizedText
    /// The file's further mistakes, in the order of their lines.
    public var more: [FileMistake] = []

    public init(code: String, file: String, line: Int?, key: String, text: LocalizedText) {
        self.code = code
        self.file = file
        self.line = line
        self.key = key
        self.text = text
    }

    public var facts: DiagnosticFacts { DiagnosticFacts(file: file, line: line, key: key.isEmpty ? nil : key) }

    /// One line per mistake: `file:line: key: what is wrong`.
    public func message(_ language: Language) -> String {
        ([self] + more).map { $0.located(language) }.joined(separator: "\n")
    }

    private func located(_ language: Language) -> String {
        "\(file)\(line.map { ":\($0)" } ?? "")\(key.isEmpty ? "" : ": \(key)"): \(text.pick(language))"
    }

    public var description: String { message(.en) }
}
