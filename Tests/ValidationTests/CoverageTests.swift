import Archive
import Foundation
import Testing
import Roster
import Support
@testable import Validation

/// Every problem code kaowu documents is produced by validating a real file (design §3 "done means").
@Suite struct CoverageTests {
    @Test func everyDocumentedCodeIsProduced() throws {
        var seen = Set<String>()
        func run(_ roster: String, _ photos: String? = nil, background: Bool = false) {
            let report = Validator(options: Fixtures.options(background: background)).validate(rosterPath: roster, photosPath: photos)
            #expect(report.rows == report.valid + report.rowsWithErrors.count)
            seen.formUnion(report.problems.map(\.code))
        }
        run(Fixtures.demoRoster, Fixtures.demoPhotos, background: true)
        run(Fixtures.external("binary.csv"))
        run(Fixtures.external("no-header.csv"))
        run(Fixtures.external("openpyxl-basic.xlsx"), Fixtures.external("bomb.zip"))
        run(Fixtures.external("openpyxl-basic.xlsx"), Fixtures.external("gbk.csv"))
        // A photo over 5 MB, stored uncompressed.
        let dir = try Fixtures.scratch()
        let zip = try ZipWriter(path: dir + "/big.zip")
        try zip.add("110101199003071233.jpg", ZipPayload([0xFF, 0xD8, 0xFF] + [UInt8](repeating: 7, count: 5_300_000)), compress: false)
        try zip.close()
        run(Fixtures.external("openpyxl-basic.xlsx"), dir + "/big.zip")
        // A file that is no image next to a photo.
        let other = try ZipWriter(path: dir + "/other.zip")
        try other.add("110101199003071233.jpg", ZipPayload([0xFF, 0xD8, 0xFF]))
        try other.add("说明.txt", ZipPayload(Array("照片说明".utf8)))
        try other.close()
        run(Fixtures.external("openpyxl-basic.xlsx"), dir + "/other.zip")
        // A gender and a birth date that cannot be read.
        let csv = dir + "/odd.csv"
        try Data("姓名,性别,身份证号,出生日期\n张伟,未知,110101199003071233,三月七日\n".utf8).write(to: URL(fileURLWithPath: csv))
        run(csv)
        // One person on several rows: another school on the second row; a first row with an error refuses the next.
        let people = dir + "/people.csv"
        try Data("姓名,性别,所属院校,身份证号,报考科目\n张伟,,甲校,110101199003071233,理论\n张伟,,乙校,110101199003071233,实操\n李娜,男,甲校,11010519491231002X,理论\n李娜,,甲校,11010519491231002X,实操\n".utf8)
            .write(to: URL(fileURLWithPath: people))
        run(people)

        // Seating codes (seat.*) come from kaowu pack: PackTests' SeatingCodeTests produce each of them.
        let documented = Set(ProblemCatalog.validation.codes.map(\.code).filter { !$0.hasPrefix("seat.") })
        #expect(documented.subtracting(seen).isEmpty, "never produced: \(documented.subtracting(seen).sorted())")
        #expect(seen.subtracting(documented).isEmpty, "undocumented: \(seen.subtracting(documented).sorted())")
    }
}

@Suite struct ExcelReportSafetyTests {
    @Test func formulaLookalikesStayText() throws {
        let dir = try Fixtures.scratch()
        let csv = dir + "/inject.csv"
        try Data("姓名,身份证号,所属院校\n=HYPERLINK(\"http://x\"),110101199003071233,+1+1\n@SUM(A1),11010519491231002X,-2\n".utf8)
            .write(to: URL(fileURLWithPath: csv))
        let path = dir + "/report.xlsx"
        let report = Validator(options: Fixtures.options(background: false)).validate(rosterPath: csv)
        #expect(report.codes["name.invalid"] == 2)
        try ExcelReport.write(report, rosterPath: csv, sheet: nil, to: path, language: .zh)
        let zip = try ZipReader(path: path)
        for sheet in ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] {
            let xml = String(decoding: try zip.read(at: try #require(zip.index(of: sheet)), limit: 1 << 22), as: UTF8.self)
            #expect(!xml.contains("<f>"), "\(sheet) holds a formula")
        }
        let roster = try XlsxReader(path: path, sheet: "名单")
        var rows: [TableRow] = []
        while let row = try roster.nextRow() { rows.append(row) }
        #expect(rows[1][0] == .text("=HYPERLINK(\"http://x\")"))
        #expect(rows[1][2] == .text("+1+1"))
        #expect(rows[2][0] == .text("@SUM(A1)"))
    }

    @Test func problemCellsAreFilled() throws {
        let dir = try Fixtures.scratch()
        let path = dir + "/report.xlsx"
        let report = Validator(options: Fixtures.options()).validate(rosterPath: Fixtures.demoRoster, photosPath: Fixtures.demoPhotos)
        try ExcelReport.write(report, rosterPath: Fixtures.demoRoster, sheet: nil, to: path, language: .zh)
        let zip = try ZipReader(path: path)
        let sheet = String(decoding: try zip.read(at: try #require(zip.index(of: "xl/worksheets/sheet2.xml")), limit: 1 << 22), as: UTF8.self)
        let styles = String(decoding: try zip.read(at: try #require(zip.index(of: "xl/styles.xml")), limit: 1 << 22), as: UTF8.self)
        func style(_ cell: String) -> Int? {
            guard let r = sheet.range(of: "<c r=\"\(cell)\"") else { return nil }
            let tail = sheet[r.upperBound...].prefix(40)
            guard let s = tail.range(of: "s=\"") else { return 0 }
            return Int(tail[s.upperBound...].prefix { $0.isNumber })
        }
        // E115 (the wrong check character) is filled; E114 (a valid ID) is not.
        let bad = try #require(style("E115")), good = try #require(style("E114"))
        #expect(bad != good)
        #expect(styles.contains("FFFFC7CE"))      // the error fill
        #expect(styles.contains("FFFFEB9C"))      // the warning fill
    }
}
