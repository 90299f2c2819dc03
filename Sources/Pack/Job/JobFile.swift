import Foundation
import Support

/// What every job file (an exam's or a course's) shares before its keys are read: its text, read with a
/// `job.invalid` error naming the file, and how its relative paths are taken from the file's folder.
enum JobFile {
    /// The text of the job file at `path`.
    static func text(at path: String) throws -> String {
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw JobError.job(file: path, line: nil, key: "", zh: "无法读取任务文件（\(error.localizedDescription)）",
                               en: "cannot read the job file (\(error.localizedDescription))")
        }
    }

    /// A path written in the job file `file`: as written when absolute, else from the file's folder.
    static func resolver(for file: String) -> (String) -> String {
        let folder = (file as NSString).deletingLastPathComponent
        return { relative in
            relative.hasPrefix("/") ? relative : (folder.isEmpty ? relative : (folder as NSString).appendingPathComponent(relative))
        }
    }
}
