import Support

/// A mistake in a job file or in a table it names: the file, the line (or row), the key and what is wrong.
public struct JobError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int?
    public let key: String
    public let zh: String
    public let en: String

    public init(file: String, line: Int?, key: String, zh: String, en: String) {
        self.file = file
        self.line = line
        self.key = key
        self.zh = zh
        self.en = en
    }

    public func message(_ language: Language) -> String {
        "\(file)\(line.map { ":\($0)" } ?? "")\(key.isEmpty ? "" : ": \(key)"): \(language.pick(zh, en))"
    }

    public var description: String { message(.en) }
}
