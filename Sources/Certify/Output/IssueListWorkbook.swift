import Foundation
import Spreadsheet
import Support

/// Writes 证书发放清单.xlsx: every certificate of the batch (number, name, masked ID, kind, title, category,
/// dates, new/kept/reissued with 原证编号, the PDF's file and SHA-256), and a second sheet of those not
/// certified and why. Every cell is a string; ID numbers only masked.
enum IssueListWorkbook {
    static let fileName = "证书发放清单.xlsx"

    struct Line {
        var draft: CertificateDraft
        var file: String
        var sha256: String
    }

    static let header = CellStyle(bold: true, fill: 0xD9E1F2, border: true, centered: true)
    static let text = CellStyle(text: true)

    static func write(job: CertifyJob, lines: [Line], notCertified: [NotCertified], expires: CivilDate?, to path: String, created: time_t) throws {
        let book = try WorkbookWriter(path: path, constantMemory: true, created: created)
        let sheet = try book.addSheet("证书发放清单")
        let titles = ["序号", "证书编号", "姓名", "证件号码（部分隐藏）", "证书类型", "证书名称", "培训类别/项目", "等级", "发证日期", "有效期至",
                      "发放方式", "原证编号", "名单行号", "文件", "文件 SHA-256"]
        let widths: [Double] = [6, 18, 12, 21, 10, 22, 24, 8, 12, 12, 9, 18, 8, 28, 66]
        for (i, title) in titles.enumerated() { sheet.write(0, i, title, header) }
        for (i, w) in widths.enumerated() { sheet.setColumns(i, i, width: w) }
        sheet.freeze(rows: 1)
        for (n, line) in lines.enumerated() {
            let d = line.draft
            let cells = [String(n + 1), d.number, d.candidate.name, d.maskedID, job.kind, job.title, d.category, job.level,
                         job.issued.description, expires?.description ?? CertificateValues.permanent, statusText(d.status),
                         d.replaces ?? "", String(d.candidate.row), line.file, line.sha256]
            for (i, cell) in cells.enumerated() { sheet.write(n + 1, i, cell, text) }
        }
        if !lines.isEmpty { sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: lines.count, lastColumn: titles.count - 1) }
        let other = try book.addSheet("未发证")
        for (i, title) in ["名单行号", "姓名", "证件号码（部分隐藏）", "原因"].enumerated() { other.write(0, i, title, header) }
        for (i, w) in [8.0, 12, 21, 70].enumerated() { other.setColumns(i, i, width: w) }
        for (n, entry) in notCertified.enumerated() {
            let cells = [String(entry.row), entry.name, entry.maskedID, entry.reasons.map(\.zh).joined(separator: "；")]
            for (i, cell) in cells.enumerated() { other.write(n + 1, i, cell, text) }
        }
        try book.close()
    }

    static func statusText(_ status: CertificateDraft.Status) -> String {
        switch status {
        case .new: return "新发"
        case .kept: return "沿用（重印）"
        case .reissued: return "换发"
        }
    }
}
