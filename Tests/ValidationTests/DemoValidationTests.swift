import Foundation
import Testing
import Support
@testable import Validation

@Suite struct DemoValidationTests {
    let report = Validator(options: Fixtures.options()).validate(rosterPath: Fixtures.demoRoster, photosPath: Fixtures.demoPhotos)

    @Test func countsBalance() {
        #expect(report.rows == 146)
        #expect(report.rows == report.valid + report.rowsWithErrors.count)
        #expect(report.roster?.headerRow == 2)
        #expect(report.roster?.sheet == "考生名单")
    }

    @Test func everyDeliberateMistakeIsFound() {
        let expected = ["id.checksum", "roster.id-as-number", "name.missing", "name.invalid", "roster.duplicate-id",
                        "gender.mismatch", "birthdate.mismatch", "id.legacy-15", "id.region", "id.birthdate", "id.format",
                        "id.missing", "id.type-unknown", "phone.format",
                        "photo.missing", "photo.dimensions", "photo.unreadable", "photo.cmyk", "photo.background", "photo.format",
                        "photo.duplicate", "photo.name-mismatch", "photo.orphan", "photo.filename", "archive.unsafe-path"]
        for code in expected { #expect(report.codes[code] != nil, "missing \(code)") }
    }

    @Test func problemsPointAtRowsColumnsAndEntries() throws {
        let checksum = try #require(report.problems.first { $0.code == "id.checksum" })
        #expect(checksum.row == 115 && checksum.column == "E" && checksum.field == "id")
        #expect(checksum.message(.zh).contains("校验"))
        let asNumber = try #require(report.problems.first { $0.code == "roster.id-as-number" })
        #expect(asNumber.row == 116 && asNumber.column == "E")
        #expect(asNumber.message(.zh).contains("文本"))
        #expect(!report.problems.contains { $0.code == "id.checksum" && $0.row == 116 })   // never a misleading checksum error
        let unsafe = try #require(report.problems.first { $0.code == "archive.unsafe-path" })
        #expect(unsafe.entry == "../逃逸.jpg")
        let dims = try #require(report.problems.first { $0.code == "photo.dimensions" })
        #expect(dims.value == "300×400" && dims.row != nil && dims.entry?.hasPrefix("照片/") == true)
    }

    @Test func gbkNamedEntriesMatchTheirRows() {
        // Every tenth photo is named 姓名-身份证号.jpg in GBK without the UTF-8 flag; none may be orphaned or mismatched.
        #expect(report.problems.filter { $0.code == "photo.name-mismatch" }.count == 1)
        #expect(!report.problems.contains { $0.code == "archive.unreadable" })
    }

    @Test func warningsAloneKeepARowValid() {
        let legacyRow = report.problems.first { $0.code == "id.legacy-15" }?.row
        #expect(legacyRow != nil)
        #expect(!report.rowsWithErrors.contains(legacyRow!))
    }

    @Test func englishMessages() {
        let english = Validator(options: Fixtures.options()).validate(rosterPath: Fixtures.demoRoster, photosPath: Fixtures.demoPhotos)
        #expect(english.problems.count == report.problems.count)
        #expect(english.problems.allSatisfy { $0.message(.en).unicodeScalars.allSatisfy { $0.value < 0x2E80 } || $0.message(.en).contains("\"") || $0.entry != nil || $0.value != nil })
        #expect(english.problems.first { $0.code == "id.checksum" }?.message(.en).lowercased().contains("check") == true)
    }

    /// One validation, read in either language: only the messages differ, and they are picked when written.
    @Test func oneReportInBothLanguages() throws {
        let zh = try #require(try JSONSerialization.jsonObject(with: report.json(.zh)) as? [String: Any])
        let en = try #require(try JSONSerialization.jsonObject(with: report.json(.en)) as? [String: Any])
        let zhProblems = try #require(zh["problems"] as? [[String: Any]]), enProblems = try #require(en["problems"] as? [[String: Any]])
        #expect(zhProblems.count == report.problems.count && enProblems.count == report.problems.count)
        for (z, e) in zip(zhProblems, enProblems) {
            #expect(z["code"] as? String == e["code"] as? String && z["row"] as? Int == e["row"] as? Int)
        }
        let checksum = try #require(enProblems.first { $0["code"] as? String == "id.checksum" })
        #expect((checksum["message"] as? String)?.contains("check character") == true)
        #expect(TextSummary.render(report, language: .en).contains("the first 17 digits give"))
        #expect(TextSummary.render(report, language: .zh).contains("按前 17 位计算应为"))
    }

    @Test func jsonFollowsTheSchema() throws {
        let data = try report.json(.zh)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["rows"] as? Int == 146)
        #expect(object["valid"] as? Int == report.valid)
        #expect(object["photos"] as? Int == report.photos)
        let problems = try #require(object["problems"] as? [[String: Any]])
        #expect(problems.count == report.problems.count)
        let first = try #require(problems.first { $0["code"] as? String == "id.checksum" })
        #expect(first["severity"] as? String == "error" && first["row"] as? Int == 115 && first["column"] as? String == "E")
        #expect(first["field"] as? String == "id" && first["value"] != nil && first["message"] != nil)
    }
}
