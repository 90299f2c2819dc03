import Archive
import Foundation
import Spreadsheet
import Support

/// Writes a large synthetic roster (.xlsx, header on row 1) and a photo archive with one photo per
/// candidate, for the benchmark. Photos are drawn from a pool of distinct JPEGs (different backgrounds and
/// tones) so generating 100,000 of them takes seconds; every entry is still read and decoded in full.
public enum BenchmarkDataset {
    public static let headers = ["序号", "姓名", "性别", "身份证号", "出生日期", "手机号", "所属院校", "专业", "报考科目"]

    /// Writes `rows` candidates to `directory`/roster.xlsx and `directory`/photos.zip; with `subjects` > 1 each
    /// registers for that many of the four subjects (its own and the next ones, in one cell: `A、B`).
    public static func write(rows: Int, to directory: String, subjects: Int = 1, seed: UInt64 = 2026) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var random = SeededRandom(seed: seed)
        let book = try WorkbookWriter(path: directory + "/roster.xlsx", constantMemory: true, created: DemoDataset.fixedTime)
        let sheet = try book.addSheet("考生名单")
        for (i, h) in headers.enumerated() { sheet.write(0, i, h) }
        let zip = try ZipWriter(path: directory + "/photos.zip", modified: DemoDataset.fixedTime)
        let painter = PhotoPainter()
        let pool: [ZipPayload] = (0..<48).map { k in
            ZipPayload(painter.jpeg(background: PhotoPainter.Background.allCases[k % 3], variant: k))
        }
        for index in 0..<rows {
            let c = SyntheticCandidate.make(index: index, random: &random)
            let r = index + 1
            sheet.write(r, 0, number: Double(r))
            sheet.write(r, 1, c.name)
            sheet.write(r, 2, c.gender)
            sheet.write(r, 3, c.id)
            sheet.write(r, 4, c.birthdate)
            sheet.write(r, 5, c.phone)
            sheet.write(r, 6, c.school)
            sheet.write(r, 7, c.major)
            if subjects > 1, let first = SyntheticCandidate.subjects.firstIndex(of: c.subject) {
                let all = SyntheticCandidate.subjects
                sheet.write(r, 8, (0..<min(subjects, all.count)).map { all[(first + $0) % all.count] }.joined(separator: "、"))
            } else {
                sheet.write(r, 8, c.subject)
            }
            try zip.add("照片/\(c.id).jpg", pool[index % pool.count], compress: false)
        }
        try book.close()
        try zip.close()
    }
}
