import ArgumentParser
import Documents
import Foundation
import Render
import Support
import Synchronization

/// The folder `render --split` writes one PDF per record into. Every name is checked before anything is
/// written: two records may not share a name (compared as file systems that ignore case do), and a file
/// already there is replaced only when kaowu made it (`OutputFile`). Each PDF is written under a temporary
/// name; only when all are complete are they renamed into place, and Ctrl-C removes the unfinished ones.
struct SplitOutput {
    let folder: String

    /// Refuses (printing why; exit 2) a folder path that is empty or names something other than a folder.
    init(folder: String, language l: Language) throws {
        self.folder = folder
        func refuse(_ zh: String, _ en: String) -> ExitCode {
            printError(l.pick("kaowu：输出 \(folder)：\(zh)", "kaowu: output \(folder): \(en)"))
            return ExitStatus.usage
        }
        guard !folder.isEmpty else { throw refuse("输出路径为空", "the output path is empty") }
        switch FilePath.kind(of: folder) {
        case .missing, .folder: break
        case .regular, .special:
            throw refuse("--split 需要一个文件夹，这里已有一个文件", "--split needs a folder; a file is there")
        }
    }

    /// Writes `records` (their roster `rows` name them in messages) with `document`, named by `pattern`.
    func write(_ records: [RenderRecord], rows: [Int], pattern: SplitPattern, document: PaperRenderer, context: [String: String],
               inputs: [String], threads: Int, language l: Language) throws {
        var names: [String] = []
        var firstRow: [String: (row: Int, name: String)] = [:]
        var problems: [String] = []
        for (record, row) in zip(records, rows) {
            let values = record.values.merging(context) { _, given in given }
            let blank = pattern.blankFields(values)
            if !blank.isEmpty {
                problems.append(l.pick("第 \(row) 行：\(blank.map { "{\($0)}" }.joined(separator: "、")) 为空，无法命名文件",
                                       "row \(row): \(blank.map { "{\($0)}" }.joined(separator: ", ")) is blank; the file cannot be named"))
            }
            let name = pattern.name(values)
            let key = SplitPattern.collisionKey(name)
            if let first = firstRow[key] {
                problems.append(l.pick("第 \(first.row) 行与第 \(row) 行的文件名相同：\(first.name == name ? name : "\(first.name) / \(name)")",
                                       "rows \(first.row) and \(row) give the same file name: \(first.name == name ? name : "\(first.name) / \(name)")"))
            } else {
                firstRow[key] = (row, name)
            }
            names.append(name)
        }
        guard problems.isEmpty else {
            printError(l.pick("kaowu render：--split 无法为每人各起一个文件名，未生成任何文件：", "kaowu render: --split cannot give everyone a file name of their own; nothing was written:"))
            printError(problems.map { "  " + $0 }.joined(separator: "\n"))
            printError(l.pick("请在模式中加入能区分每个人的字段，如 {row.index} 或 {id}。", "Put a field in the pattern that tells everyone apart, such as {row.index} or {id}."))
            throw ExitStatus.usage
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            printError(l.pick("kaowu：无法创建文件夹 \(folder)：\(error.localizedDescription)", "kaowu: cannot create the folder \(folder): \(error.localizedDescription)"))
            throw ExitStatus.usage
        }
        let files = try names.map { try OutputFile((folder as NSString).appendingPathComponent($0), inputs: inputs, language: l) }
        let temporaries = files.map(\.temporary)
        let cleanup = Interruption.onInterrupt { for path in temporaries { unlink(path) } }
        defer { Interruption.remove(cleanup) }
        do {
            try Self.render(records, to: temporaries, document: document, context: context, threads: threads)
            try Interruption.critical {
                for file in files { try file.commit() }
            }
        } catch {
            for file in files { file.discard() }
            printError("kaowu render: " + describe(error, l))
            throw ExitStatus.usage
        }
    }

    /// Renders each record into its own file on `threads` cores. Every file embeds subsets of the fonts it
    /// uses; cutting them from the full CJK faces costs Cairo ~50 ms a file, so the faces are first cut once to
    /// the characters these records can print (`FontSubset`), in a temporary folder removed afterwards.
    static func render(_ records: [RenderRecord], to paths: [String], document: PaperRenderer, context: [String: String], threads: Int) throws {
        var characters = PrintedCharacters()
        for record in records { for value in record.values.values { characters.add(value) } }
        for value in context.values { characters.add(value) }
        characters.addTemplate(at: document.templatePath)
        characters.add("0123456789第页共年月日时分 –—")
        let fontFolder = NSTemporaryDirectory() + "kaowu-fonts-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // Removed when done, and on Ctrl-C.
        let cleanup = Interruption.onInterrupt { try? FileManager.default.removeItem(atPath: fontFolder) }
        defer {
            try? FileManager.default.removeItem(atPath: fontFolder)
            Interruption.remove(cleanup)
        }
        let fonts = try FontSubset(styles: document.template.textStyles, characters: characters.scalars, directory: fontFolder)
        let next = Atomic<Int>(0)
        let failure = Mutex<Error?>(nil)
        let templatePath = document.templatePath, paper = document.paper
        nonisolated(unsafe) let all = records
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, records.count))) { _ in
            fonts.use {
                do {
                    let renderer = try PaperRenderer(templatePath: templatePath, paper: paper)
                    while failure.withLock({ $0 == nil }) {
                        let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
                        guard k < all.count else { return }
                        try renderer.renderPDF([all[k]], context: context, to: paths[k])
                    }
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
