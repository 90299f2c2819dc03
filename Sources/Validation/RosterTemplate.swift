import Identity
import Roster
import Spreadsheet
import Support

/// Writes the roster import template (考生导入模板.xlsx): the headers kaowu reads, the ID and phone columns
/// formatted as text so Excel cannot turn numbers into `1.10101E+17`, drop-downs for 性别 and 证件类型,
/// one example row, and a sheet of filling-in and photo rules.
public enum RosterTemplate {
    /// The columns of the template, in order.
    public static let fields: [Field] = [.serial, .name, .gender, .idType, .id, .birthdate, .phone, .school, .major, .subject, .remark]
    /// Rows prepared with drop-downs and text format.
    public static let preparedRows = 5000

    public static func write(to path: String, language l: Language) throws {
        let book = try WorkbookWriter(path: path)
        let sheet = try book.addSheet(l.pick("考生名单", "Candidates"))
        let header = CellStyle(bold: true, fill: 0xD9E1F2, border: true, centered: true)
        let text = CellStyle(text: true)
        let widths: [Field: Double] = [.serial: 6, .name: 12, .gender: 6, .idType: 22, .id: 22, .birthdate: 12, .phone: 14,
                                       .school: 24, .major: 16, .subject: 18, .remark: 20]
        for (i, field) in fields.enumerated() {
            sheet.setColumns(i, i, width: widths[field] ?? 14, field == .serial ? nil : text)
            sheet.write(0, i, field.chineseHeader, header)
        }
        sheet.freeze(rows: 1)
        let example: [Field: String] = [.serial: "1", .name: "张三", .gender: "女", .idType: IDKind.residentID.displayName(.zh),
                                        .id: "11010519491231002X", .birthdate: "1949-12-31", .phone: "13800138000",
                                        .school: "示例职业技术学院", .major: "计算机应用技术", .subject: "Web 前端开发（中级）",
                                        .remark: l.pick("示例行，导入前请删除", "example row: delete before importing")]
        for (i, field) in fields.enumerated() {
            if field == .serial { sheet.write(1, i, number: 1) } else { sheet.write(1, i, example[field] ?? "", text) }
        }
        if let g = fields.firstIndex(of: .gender) {
            try sheet.dropDown(column: g, firstRow: 1, lastRow: preparedRows, items: ["男", "女"],
                               title: l.pick("性别", "Gender"), message: l.pick("请选择 男 或 女", "choose 男 or 女"))
        }
        if let t = fields.firstIndex(of: .idType) {
            try sheet.dropDown(column: t, firstRow: 1, lastRow: preparedRows, items: IDKind.allCases.map { $0.displayName(.zh) },
                               title: l.pick("证件类型", "Document type"), message: l.pick("请从列表中选择证件类型", "choose the document type from the list"))
        }
        let notes = try book.addSheet(l.pick("填写说明", "Instructions"))
        notes.setColumns(0, 0, width: 100, CellStyle(wrap: true))
        let lines = l == .zh ? [
            "填写说明",
            "1. 第一行是表头，请不要修改列名；不需要的列可以留空，多余的列会原样保留。",
            "2. 身份证号、手机号两列已设为“文本”格式，请直接粘贴，不要改成数字（否则后几位会变成 000）。",
            "3. 身份证号末位的 x 请写成大写 X（小写也能识别）。港澳台、外籍人员请在“证件类型”中选择对应证件。",
            "4. 性别、出生日期须与身份证号一致；出生日期写成 1990-03-07。",
            "5. 照片：JPG 或 PNG，295×413 像素（小一寸），不超过 5 MB，按要求的底色；",
            "   文件名为“身份证号.jpg”或“姓名-身份证号.jpg”，全部照片打包成一个 .zip 压缩包。",
            "6. 一人报考多个科目：每个科目一行（证件号码相同，其余各列须一致），或在“报考科目”一格里用顿号分隔，如“基础考核、实操考核”。",
            "7. 导入前请删除示例行。",
        ] : [
            "How to fill in",
            "1. Row 1 is the header: keep the column names; leave unused columns empty; extra columns are kept as they are.",
            "2. The ID and phone columns are formatted as Text: paste the numbers as they are (as numbers Excel would lose the last digits).",
            "3. Write the check character x as X (lower case is accepted). For other documents choose the document type.",
            "4. Gender and birth date must agree with the ID number; write dates as 1990-03-07.",
            "5. Photos: JPG or PNG, 295×413 pixels, at most 5 MB, on the required background colour;",
            "   named ID.jpg or NAME-ID.jpg, all in one .zip archive.",
            "6. Several subjects for one person: one row per subject (the same ID, the other columns alike), or the subjects in one cell separated by 、 (基础考核、实操考核).",
            "7. Delete the example row before importing.",
        ]
        for (i, line) in lines.enumerated() { notes.write(i, 0, line, i == 0 ? CellStyle(bold: true, fontSize: 14) : nil) }
        try book.close()
    }
}
