import Archive
import Foundation
import Testing
import Support
@testable import Validation

/// Validation of bad input end to end: every problem is reported with its code, nothing crashes, and
/// `rows` = `valid` + rows with errors holds.
@Suite struct HostileInputTests {
    func validate(_ roster: String, _ photos: String? = nil, options: ValidationOptions = Fixtures.options(background: false)) -> ValidationReport {
        let report = Validator(options: options).validate(rosterPath: roster, photosPath: photos)
        #expect(report.rows == report.valid + report.rowsWithErrors.count, "rows = valid + rows with errors")
        return report
    }

    @Test(arguments: ["binary.csv", "empty.csv", "empty.xlsx", "password.xlsx", "billion-laughs.xlsx",
                      "billion-laughs-sst.xlsx", "not-a-zip.xlsx"])
    func unreadableRosters(name: String) throws {
        let report = validate(Fixtures.external(name))
        let problem = try #require(report.problems.first)
        #expect(problem.code == "roster.unreadable")
        #expect(problem.message(.zh).contains(name))
        #expect(report.hasErrors)
    }

    @Test func truncatedSheetKeepsTheRowsBeforeIt() throws {
        let report = validate(Fixtures.external("broken-xml.xlsx"))
        #expect(report.codes["roster.unreadable"] == 1)
        #expect(report.rows >= 1)
        let problem = try #require(report.problems.first { $0.code == "roster.unreadable" })
        #expect(problem.row != nil)
    }

    @Test func aBirthDateOfManyDigitsIsAWarningNotATrap() throws {
        let dir = try Fixtures.scratch()
        let roster = dir + "/r.csv"
        try "姓名,身份证号,出生日期\r\n张三,110101199003074514,12345678901234567890123\r\n李四,110105198501010020,9300000000000000000\r\n"
            .write(toFile: roster, atomically: true, encoding: .utf8)
        let report = validate(roster)
        #expect(report.rows == 2)
        #expect(report.problems.filter { $0.code == "birthdate.format" }.map(\.row) == [2, 3])
    }

    @Test func noHeader() throws {
        let report = validate(Fixtures.external("no-header.csv"))
        #expect(report.problems.map(\.code) == ["roster.header-missing"])
        #expect(report.rows == 0)
    }

    @Test func aMissingIDColumnFailsEveryRowOnce() throws {
        let dir = try Fixtures.scratch()
        try Data("姓名,性别,所属院校\n张三,男,示例学院\n李四,女,示例学院\n".utf8).write(to: URL(fileURLWithPath: dir + "/r.csv"))
        let report = validate(dir + "/r.csv")
        #expect(report.rows == 2 && report.valid == 0)
        #expect(report.codes["roster.header-missing"] == 1)
        #expect(report.problems.filter { $0.code == "id.missing" }.compactMap(\.row) == [2, 3])
    }

    @Test func headerOnlyIsValidAndEmpty() {
        let report = validate(Fixtures.external("header-only.csv"))
        #expect(report.rows == 0 && report.problems.isEmpty && !report.hasErrors)
    }

    @Test func idsDestroyedByExcel() throws {
        for name in ["id-as-number.xlsx", "id-as-number.csv"] {
            let report = validate(Fixtures.external(name))
            let damaged = report.problems.filter { $0.code == "roster.id-as-number" }
            #expect(!damaged.isEmpty, "\(name)")
            #expect(!report.problems.contains { $0.code == "id.checksum" && damaged.map(\.row).contains($0.row) }, "\(name)")
        }
    }

    @Test func cleanRostersFromOtherTools() throws {
        for name in ["openpyxl-basic.xlsx", "libreoffice.xlsx", "libreoffice.xls", "gbk.csv", "utf8-bom.csv", "utf8.csv", "roster.tsv", "date1904.xlsx"] {
            let report = validate(Fixtures.external(name))
            #expect(report.rows >= 3, "\(name)")
            #expect(!report.hasErrors, "\(name): \(report.problems.map { $0.message(.zh) })")
        }
    }

    @Test func gbkNamedPhotosMatchTheRoster() throws {
        let report = validate(Fixtures.external("openpyxl-basic.xlsx"), Fixtures.external("gbk-names.zip"))
        #expect(report.photos == 3)
        let missing = report.problems.filter { $0.code == "photo.missing" }.compactMap(\.row).sorted()
        #expect(missing == [5, 6])          // 王芳 and 刘洋 have no photo; 张伟, 李娜, 阿卜杜·热合曼 match
        #expect(!report.problems.contains { $0.code == "photo.name-mismatch" || $0.code == "photo.orphan" })
    }

    @Test func traversalBombAndEncryptedArchives() throws {
        let roster = Fixtures.external("openpyxl-basic.xlsx")
        let traversal = validate(roster, Fixtures.external("traversal.zip"))
        #expect(traversal.codes["archive.unsafe-path"] == 3)
        let bomb = validate(roster, Fixtures.external("bomb.zip"))
        #expect(bomb.codes["archive.too-large"] == 1)
        let encrypted = validate(roster, Fixtures.external("encrypted.zip"))
        #expect(encrypted.problems.contains { $0.code == "photo.unreadable" && $0.message(.zh).contains("密码") })
        let notZip = validate(roster, Fixtures.external("gbk.csv"))
        #expect(notZip.problems.map(\.code).contains("archive.unreadable"))
        // An archive that cannot be opened has no photo for anyone: every row says so, with the reason.
        #expect(notZip.problems.filter { $0.code == "photo.missing" && $0.message(.zh).contains("无法打开") }.count == 5)
    }

    @Test func hugeHeadersAreRefusedBeforeDecoding() throws {
        let dir = try Fixtures.scratch()
        let zip = try ZipWriter(path: dir + "/photos.zip")
        for (name, entry) in [("huge-header.png", "张伟-110101199003071233.png"), ("huge-header.jpg", "李娜-310104199211212463.jpg")] {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: Fixtures.external(name)))
            try zip.add(entry, ZipPayload([UInt8](bytes)))
        }
        try zip.close()
        let report = validate(Fixtures.external("openpyxl-basic.xlsx"), dir + "/photos.zip")
        let dims = report.problems.filter { $0.code == "photo.dimensions" }
        #expect(dims.map(\.row) == [3, 4])
        #expect(dims.allSatisfy { $0.message(.zh).contains("未解码") })
        #expect(Set(dims.compactMap(\.value)) == ["100000×100000", "65000×65000"])
    }

    @Test func tooLargePhotoAndZipBombInDisguise() throws {
        let dir = try Fixtures.scratch()
        let zip = try ZipWriter(path: dir + "/photos.zip")
        // 5.2 MB stored (no compression, so the ratio is honest): photo.too-large without being read.
        var big = [UInt8](repeating: 0, count: 5_452_595)
        for i in big.indices { big[i] = UInt8(truncatingIfNeeded: i &* 2_654_435_761 >> 13) }
        big[0] = 0xFF; big[1] = 0xD8; big[2] = 0xFF
        try zip.add("照片/110101199003071233.jpg", ZipPayload(big), compress: false)
        // An empty file and a HEIC named .jpg.
        try zip.add("照片/310104199211212463.jpg", ZipPayload([]))
        try zip.add("照片/44010619880516382X.jpg", ZipPayload([0, 0, 0, 0x18] + Array("ftypheic".utf8) + [UInt8](repeating: 0, count: 64)))
        try zip.close()
        let report = validate(Fixtures.external("openpyxl-basic.xlsx"), dir + "/photos.zip")
        let tooLarge = try #require(report.problems.first { $0.code == "photo.too-large" })
        #expect(tooLarge.row == 3 && tooLarge.entry == "照片/110101199003071233.jpg")
        #expect(report.problems.contains { $0.code == "photo.unreadable" && $0.row == 4 })
        let heic = try #require(report.problems.first { $0.code == "photo.format" })
        #expect(heic.value == "heic" && heic.row == 5 && heic.message(.zh).contains("HEIC"))
    }

    @Test func mappingsAndSheets() throws {
        var options = Fixtures.options(background: false)
        options.sheet = "名单"
        let report = validate(Fixtures.external("openpyxl-multisheet.xlsx"), options: options)
        #expect(report.rows == 3 && report.roster?.sheet == "名单")
    }
}
