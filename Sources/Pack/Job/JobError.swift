import Render
import Support

/// A mistake in a job file or in a table it names (`job.invalid`): the file, the line (or row), the key and
/// what is wrong. A file with several mistakes is reported as the first, with the others in `more`.
public typealias JobError = FileMistake

extension FileMistake {
    /// The code of job-file mistakes.
    public static let jobCode = "job.invalid"

    /// A job-file mistake.
    public static func job(file: String, line: Int?, key: String, zh: String, en: String) -> FileMistake {
        FileMistake(code: jobCode, file: file, line: line, key: key, text: LocalizedText(zh: zh, en: en))
    }
}
