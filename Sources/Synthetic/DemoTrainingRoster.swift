import Archive
import Foundation
import Spreadsheet
import Support

/// The demo's training roster (`fixtures/demo/学员名单.xlsx`): 24 trainees of a 财务数字化应用（初级） course,
/// with the columns a training association's own list has and kaowu does not know — 培训项目, 培训类别,
/// 证书编号, 考核成绩 — kept and printable by header text (`{{证书编号}}`), and the phone under 联系手机 (an
/// unknown header: `--map 联系手机=phone`); and their 2寸 photos (413×579, blue background) in `学员照片.zip`.
enum DemoTrainingRoster {
    static let fileName = "学员名单.xlsx"
    static let photosName = "学员照片.zip"
    static let headers = ["序号", "姓名", "性别", "身份证号", "工作单位", "联系手机", "培训类别", "培训项目", "考核成绩", "证书编号"]

    /// Writes the roster of `candidates` (all with correct photos in the demo archive) into `directory`.
    static func write(_ candidates: [SyntheticCandidate], to directory: String, created: Int) throws {
        let book = try WorkbookWriter(path: directory + "/" + fileName, created: created)
        let sheet = try book.addSheet("学员名单")
        let text = CellStyle(text: true)
        for (i, h) in headers.enumerated() { sheet.write(0, i, h, CellStyle(bold: true, fill: 0xD9E1F2)) }
        for (n, c) in candidates.enumerated() {
            let r = n + 1
            let score = 58 + (n * 37) % 41
            let cells = [String(n + 1), c.name, c.gender, c.id, c.school, c.phone, "职业技能培训", "财务数字化应用（初级）",
                         String(score), "SHPX2026" + String(format: "%06d", n + 1)]
            for (i, value) in cells.enumerated() { sheet.write(r, i, value, text) }
        }
        sheet.setColumns(0, 0, width: 6)
        sheet.setColumns(1, 9, width: 18)
        try book.close()

        let painter = PhotoPainter()
        let zip = try ZipWriter(path: directory + "/" + photosName, modified: created)
        for (k, c) in candidates.enumerated() {
            try zip.add("\(c.id).jpg", ZipPayload(painter.jpeg(width: 413, height: 579, background: .blue, variant: k)))
        }
        try zip.close()
    }
}
