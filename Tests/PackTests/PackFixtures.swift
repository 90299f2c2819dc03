import Archive
import Foundation
import Roster
import Support
import Synthetic
import TestTools

/// Paths, the built tool, and small jobs written for one test.
enum PackFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static let demoJob = path("fixtures/demo/exam.yaml")
    static let templates = path("templates")

    /// Runs the built `kaowu` as a user would.
    @discardableResult
    static func kaowu(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        try Kaowu.run(arguments, environment: environment)
    }

    /// A CSV roster of `count` invented candidates (valid IDs) in `folder`; `subject` and `school` override theirs.
    static func roster(_ count: Int, in folder: String, name: String = "名单.csv", first: Int = 0,
                       subject: ((Int) -> String)? = nil, school: ((Int) -> String)? = nil) throws -> String {
        var random = SeededRandom(seed: 7)
        var lines = ["姓名,证件号码,所属院校,报考科目"]
        for k in 0..<(first + count) {
            let c = SyntheticCandidate.make(index: k, random: &random)
            guard k >= first else { continue }
            lines.append("\(c.name),\(c.id),\(school?(k) ?? c.school),\(subject?(k) ?? "理论知识")")
        }
        let file = folder + "/" + name
        try (lines.joined(separator: "\r\n") + "\r\n").write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// A photo archive (`照片.zip` in `folder`) with one invented 295×413 photo for every ID number in the
    /// CSV `rosters` (second column), for documents that print photos.
    @discardableResult
    static func photos(for rosters: [String], in folder: String, name: String = "照片.zip") throws -> String {
        let zip = try ZipWriter(path: folder + "/" + name)
        let painter = PhotoPainter()
        var seen: Set<String> = []
        for roster in rosters {
            for line in try String(contentsOfFile: roster, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst() {
                let id = String(line.split(separator: ",")[1])
                guard seen.insert(id).inserted else { continue }
                try zip.add("\(id).jpg", ZipPayload(painter.jpeg(background: .red, variant: seen.count)))
            }
        }
        try zip.close()
        return folder + "/" + name
    }

    /// A job file in `folder` with `body` after a standard exam block.
    static func job(_ body: String, in folder: String, name: String = "exam.yaml") throws -> String {
        let text = """
        exam:
          title: 测试考试
          code: "T1"
          date: 2026-06-20
        \(body)
        """
        let file = folder + "/" + name
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Rows of a sheet of an xlsx, header first, as text.
    static func sheet(_ path: String, _ name: String) throws -> [[String]] {
        let reader = try XlsxReader(path: path, sheet: name)
        var rows: [[String]] = []
        while let row = try reader.nextRow() { rows.append(row.cells.map(\.text)) }
        return rows
    }

    /// The 排考明细 sheet as dictionaries by column title.
    static func plan(_ pack: String) throws -> [[String: String]] {
        let rows = try sheet(pack + "/排考明细.xlsx", "排考明细")
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { row in
            Dictionary(uniqueKeysWithValues: header.enumerated().map { ($0.element, $0.offset < row.count ? row[$0.offset] : "") })
        }
    }

    /// The text of every PDF named `file` in the pack's room folders.
    static func text(ofAll file: String, in pack: String) throws -> String {
        var text = ""
        let enumerator = FileManager.default.enumerator(atPath: pack)
        while let relative = enumerator?.nextObject() as? String {
            guard (relative as NSString).lastPathComponent == file else { continue }
            text += try Tool.run("pdftotext", ["-layout", pack + "/" + relative, "-"]).output
        }
        return text
    }

    /// Every file named `file` in `folder` and the folders inside it, sorted.
    static func paths(of file: String, under folder: String) throws -> [String] {
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            if (relative as NSString).lastPathComponent == file { found.append(folder + "/" + relative) }
        }
        return found.sorted()
    }

    /// How often `needle` occurs in `haystack`.
    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }
}
