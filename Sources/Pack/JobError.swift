import Support

/// A mistake in a job file or in a table it names: the file, the line (or row), the key and what is wrong.
/// A file with several mistakes is reported as the first, with the others in `more`.
public struct JobError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int?
    public let key: String
    public let zh: String
    public let en: String
    /// The file's further mistakes, in the order found.
    public var more: [JobError] = []

    public init(file: String, line: Int?, key: String, zh: String, en: String) {
        self.file = file
        self.line = line
        self.key = key
        self.zh = zh
        self.en = en
    }

    /// One line per mistake: `file:line: key: what is wrong`.
    public func message(_ language: Language) -> String {
        ([self] + more).map { $0.single(language) }.joined(separator: "\n")
    }

    private func single(_ language: Language) -> String {
        "\(file)\(line.map { ":\($0)" } ?? "")\(key.isEmpty ? "" : ": \(key)"): \(language.pick(zh, en))"
    }

    public var description: String { message(.en) }
}
