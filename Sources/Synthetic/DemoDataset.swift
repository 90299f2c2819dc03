import Archive
import Foundation
import Spreadsheet
import Support

/// The bundled demo (fixtures/demo): about 120 invented candidates on a roster with a title row, their red-
/// background photos in a zip (some names GBK-encoded as Chinese Windows writes them), and a handful of
/// deliberately wrong rows and photos that exercise the problem codes, a 1+X group of 12 who sit two subjects
/// each (18 rows: one row per subject, or both in one cell), and a training roster of 24 of them
/// (`DemoTrainingRoster`). Deterministic: the same every time.
public enum DemoDataset {
    public static let rosterName = "考生名单.xlsx"
    public static let photosName = "照片.zip"
    public static let goodCandidates = 112
    /// The 1+X group after the deliberately wrong rows: each registered for 基础考核 and 实操考核.
    public static let oneXCandidates = 12
    /// The time stamped into the generated files (2026-03-01 09:00 UTC+8), so they are byte-identical.
    public static let fixedTime = 1_772_326_800

    /// One roster line: cell texts by header, and how the ID cell is written.
    struct Line {
        var cells: [String: String]
        var idAsNumber = false
    }

    public static func write(to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var random = SeededRandom(seed: 20_260_620)
        var candidates = (0..<goodCandidates).map { SyntheticCandidate.make(index: $0 * 7 + 3, random: &random) }
        candidates[0].name = "阿卜杜·热合曼"
        let headers = ["序号", "姓名", "性别", "证件类型", "身份证号", "出生日期", "手机号", "所属院校", "专业", "报考科目"]
        func line(_ c: SyntheticCandidate, type: String = "居民身份证") -> Line {
            Line(cells: ["姓名": c.name, "性别": c.gender, "证件类型": type, "身份证号": c.id, "出生日期": c.birthdate,
                         "手机号": c.phone, "所属院校": c.school, "专业": c.major, "报考科目": c.subject])
        }
        var lines = candidates.map { line($0) }
        // Deliberate roster defects, one per problem code (see fixtures/demo/README.md).
        var extra = (0..<16).map { SyntheticCandidate.make(index: 5000 + $0 * 11, random: &random) }
        var wrongCheck = line(extra[0]); wrongCheck.cells["身份证号"] = String(extra[0].id.dropLast()) + (extra[0].id.last == "1" ? "2" : "1")
        var asNumber = line(extra[1]); asNumber.idAsNumber = true
        var noName = line(extra[2]); noName.cells["姓名"] = ""
        var badName = line(extra[3]); badName.cells["姓名"] = "王小明2"
        var duplicate = line(candidates[1]); duplicate.cells["姓名"] = "重复者"
        var wrongGender = line(extra[5]); wrongGender.cells["性别"] = extra[5].gender == "男" ? "女" : "男"
        var wrongBirth = line(extra[6]); wrongBirth.cells["出生日期"] = "1970-01-01"
        let legacy18 = "31010419880612123" + String(SyntheticCandidate.checkCharacter("31010419880612123"))
        extra[7].id = "310104880612123"
        extra[7].birthdate = "1988-06-12"
        extra[7].gender = "男"
        let legacy = line(extra[7])
        var unknownRegion = line(extra[8])
        let region99 = "990101" + extra[8].id.dropFirst(6).prefix(11)
        unknownRegion.cells["身份证号"] = region99 + String(SyntheticCandidate.checkCharacter(region99))
        var future = line(extra[9])
        let future17 = extra[9].id.prefix(6) + "20990101" + extra[9].id.dropFirst(14).prefix(3)
        future.cells["身份证号"] = future17 + String(SyntheticCandidate.checkCharacter(String(future17)))
        var short = line(extra[10]); short.cells["身份证号"] = String(extra[10].id.prefix(14))
        var noID = line(extra[11]); noID.cells["身份证号"] = ""
        var unknownType = line(extra[12], type: "军官证")
        unknownType.cells["身份证号"] = "军字第20260001号"
        var permit = line(extra[13], type: "港澳居民来往内地通行证"); permit.cells["身份证号"] = "H12345678"; permit.cells["性别"] = ""; permit.cells["出生日期"] = ""
        var badPhone = line(extra[14]); badPhone.cells["手机号"] = "1380013800"
        var lowerX = line(extra[15])
        lowerX.cells["身份证号"] = extra[15].id.lowercased()
        lines += [wrongCheck, asNumber, noName, badName, duplicate, wrongGender, wrongBirth, legacy, unknownRegion, future,
                  short, noID, unknownType, permit, badPhone, lowerX]
        // A 1+X group (seed 002): each sits 基础考核 (机考) and 实操考核 (实操); the first six have one row per
        // subject, the other six both subjects in one cell.
        let oneX = (0..<oneXCandidates).map { SyntheticCandidate.make(index: 9000 + $0 * 13, random: &random) }
        for (k, c) in oneX.enumerated() {
            var first = line(c)
            if k < oneXCandidates / 2 {
                first.cells["报考科目"] = "基础考核"
                var second = first
                second.cells["报考科目"] = "实操考核"
                lines += [first, second]
            } else {
                first.cells["报考科目"] = "基础考核、实操考核"
                lines.append(first)
            }
        }

        // Roster: a title row above the header, as exam offices' files have.
        let book = try WorkbookWriter(path: directory + "/" + rosterName, created: fixedTime)
        let sheet = try book.addSheet("考生名单")
        let textStyle = CellStyle(text: true)
        sheet.write(0, 0, "2026年上半年职业技能等级证书考试考生名单", CellStyle(bold: true, fontSize: 14))
        for (i, h) in headers.enumerated() { sheet.write(1, i, h, CellStyle(bold: true, fill: 0xD9E1F2)) }
        for (n, l) in lines.enumerated() {
            let r = n + 2
            sheet.write(r, 0, number: Double(n + 1))
            for (i, h) in headers.enumerated().dropFirst() {
                let value = l.cells[h] ?? ""
                if h == "身份证号" && l.idAsNumber, let d = Double(value) {
                    sheet.write(r, i, number: d)
                } else if !value.isEmpty {
                    sheet.write(r, i, value, textStyle)
                }
            }
        }
        sheet.setColumns(0, 0, width: 6)
        sheet.setColumns(1, 9, width: 18)
        try book.close()

        // Photos.
        let painter = PhotoPainter()
        let zip = try ZipWriter(path: directory + "/" + photosName, modified: fixedTime)
        for (k, c) in candidates.enumerated() {
            if k == 5 || k == 3 { continue }                         // 5: photo.missing; 3: only a wrongly named photo below
            let jpeg: [UInt8]
            switch k {
            case 6: jpeg = painter.jpeg(width: 300, height: 400, background: .red, variant: k)   // photo.dimensions
            case 7: jpeg = Array(painter.jpeg(background: .red, variant: k).prefix(4000))       // photo.unreadable (truncated)
            case 8: jpeg = painter.jpeg(background: .red, variant: k, cmyk: true)               // photo.cmyk
            case 9: jpeg = painter.jpeg(background: .blue, variant: k)                          // photo.background
            case 10: jpeg = Array("GIF89a".utf8) + [UInt8](repeating: 0x2C, count: 200)          // photo.format
            default: jpeg = painter.jpeg(background: .red, variant: k)
            }
            let payload = ZipPayload(jpeg)
            if k % 10 == 1 {
                // Name-ID form, stored as GBK without the UTF-8 flag (Chinese Windows Explorer).
                let name = "照片/\(c.name)-\(c.id).jpg"
                try zip.add(name, payload, rawName: GB18030.encode(name))
            } else if k == 12 {
                try zip.add("照片/\(c.id.lowercased()).JPG", payload)
            } else {
                try zip.add("照片/\(c.id).jpg", payload)
            }
        }
        let spare = painter.jpeg(background: .red, variant: 99)
        try zip.add("照片/补拍/\(candidates[2].name)-\(candidates[2].id).jpg", ZipPayload(spare))   // photo.duplicate
        try zip.add("照片/错名-\(candidates[3].id).jpg", ZipPayload(spare))                       // photo.name-mismatch
        try zip.add("照片/110101200001010011.jpg", ZipPayload(spare))                           // photo.orphan
        try zip.add("照片/IMG_0001.jpg", ZipPayload(spare))                                     // photo.filename
        try zip.add("../逃逸.jpg", ZipPayload(spare))                                          // archive.unsafe-path
        try zip.add("__MACOSX/照片/._x.jpg", ZipPayload([0, 5, 22, 7]))                         // skipped
        // The rows with roster mistakes have their photos too, so each shows only its own problem
        // (the ID stored as a number cannot match its photo: that one is reported missing and orphaned).
        for l in [wrongCheck, asNumber, noName, badName, wrongGender, wrongBirth, legacy, unknownRegion, future,
                  short, unknownType, permit, badPhone, lowerX] {
            let key = TextCleaner.documentNumber(l.cells["身份证号"]!)
            let fileKey = key.count == 15 ? legacy18 : key
            try zip.add("照片/\(fileKey).jpg", ZipPayload(painter.jpeg(background: .red, variant: key.count)))
        }
        for (k, c) in oneX.enumerated() {
            try zip.add("照片/\(c.id).jpg", ZipPayload(painter.jpeg(background: .red, variant: 200 + k)))
        }
        try zip.close()

        // The training roster: candidates whose photos above are correct.
        try DemoTrainingRoster.write(Array(candidates[11..<35]), to: directory, created: fixedTime)
    }
}
