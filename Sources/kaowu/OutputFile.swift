import ArgumentParser
import Foundation
import Support
#if canImport(Glibc)
import Glibc
#endif

/// One output file of `render` or `preview`: refused when it is one of the command's inputs or when what is
/// already there was not made by kaowu (anything but a kaowu PDF, or a PNG for PNG output); written under a
/// temporary name beside it and renamed into place when complete, so a failed run leaves no half file.
struct OutputFile {
    let path: String
    var temporary: String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = ".\((path as NSString).lastPathComponent).kaowu-unfinished"
        return folder.isEmpty ? name : folder + "/" + name
    }

    /// Checks `path` against `inputs`; throws after printing the reason (exit 2).
    init(_ path: String, inputs: [String], language l: Language) throws {
        self.path = path
        func refuse(_ zh: String, _ en: String) -> ExitCode {
            printError(l.pick("kaowu：输出 \(path)：\(zh)", "kaowu: output \(path): \(en)"))
            return ExitStatus.usage
        }
        guard !path.isEmpty else { throw refuse("输出路径为空", "the output path is empty") }
        let target = FilePath.resolved(path)
        for input in inputs where FilePath.resolved(input) == target {
            throw refuse("这是本次的输入文件，不能作为输出，否则会被覆盖", "this is one of the inputs; writing there would destroy it")
        }
        // What an interrupted run left under the temporary name may go; anything else there may not.
        if FileManager.default.fileExists(atPath: temporary), !Self.isPDFOrPNG(temporary) {
            throw refuse("临时文件名 \(temporary) 已被一个不是 kaowu 生成的文件占用", "the temporary name \(temporary) is taken by a file kaowu did not make")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        if isFolder.boolValue { throw refuse("这里是一个文件夹，请给出文件名（如 准考证.pdf）", "this is a folder; name a file (e.g. tickets.pdf)") }
        guard Self.madeByKaowu(path) else {
            throw refuse("这里已有一个不是 kaowu 生成的文件，未做任何改动；请换一个文件名", "a file kaowu did not make is already there; nothing was changed; choose another name")
        }
    }

    /// Renames the finished temporary file into place.
    func commit() throws {
        guard rename(temporary, path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
    }

    /// Removes the temporary file (after a failure).
    func discard() { unlink(temporary) }

    /// Whether the file is empty or begins as a PDF or PNG does (what a run of kaowu cut short leaves).
    static func isPDFOrPNG(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        return head.isEmpty || head.starts(with: Array("%PDF-".utf8)) || head.starts(with: [0x89, 0x50, 0x4E, 0x47])
    }

    /// A PDF whose document information names kaowu as its creator, or a PNG (previews are PNGs kaowu
    /// writes again and again; a PNG carries no creator to check).
    static func madeByKaowu(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return path.lowercased().hasSuffix(".png") }
        guard head.starts(with: Array("%PDF-".utf8)), let end = try? handle.seekToEnd() else { return false }
        try? handle.seek(toOffset: end > 65_536 ? end - 65_536 : 0)
        let tail = (try? handle.readToEnd()) ?? Data()
        return tail.range(of: Data("/Creator (kaowu)".utf8)) != nil
    }
}
