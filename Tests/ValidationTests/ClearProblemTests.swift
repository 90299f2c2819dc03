import Archive
import Foundation
import Testing
import Roster
import Support
import TestTools
@testable import Validation

/// One clear problem per mistake, pointing where the fix is: an unknown document type, an orphan photo that
/// belongs to the row whose ID Excel damaged, a `--map` naming a column that is not there, colour names.
@Suite struct ClearProblemTests {
    let demo = Validator(options: Fixtures.options()).validate(rosterPath: Fixtures.demoRoster, photosPath: Fixtures.demoPhotos)

    @Test func anUnknownDocumentTypeIsTheRowsOnlyError() throws {
        let row127 = demo.problems.filter { $0.row == 127 }
        #expect(row127.map(\.code) == ["id.type-unknown"], "\(row127.map { $0.message(.en) })")
        #expect(row127.first?.value == "军官证" && row127.first?.column == "D")
        #expect(row127.first?.message(.zh).contains("无法识别的证件类型“军官证”") == true)
    }

    @Test func theOrphanPhotoOfTheExcelDamagedRowIsLinkedToIt() throws {
        // Row 116's ID 110105200210183394 was stored by Excel as 110105200210183000; its photo is named by the full number.
        let orphans = demo.problems.filter { $0.code == "photo.orphan" }
        #expect(orphans.count == 2)
        let linked = try #require(orphans.first { $0.value == "110105200210183394" })
        #expect(linked.row == 116 && linked.severity == .warning && linked.entry == "照片/110105200210183394.jpg")
        #expect(linked.message(.en).contains("probably the photo of row 116, whose ID Excel damaged (shown as 110105200210183000)"))
        #expect(linked.message(.zh).contains("很可能是第 116 行的照片"))
        let unrelated = try #require(orphans.first { $0.value == "110101200001010011" })
        #expect(unrelated.row == nil && !unrelated.message(.en).contains("probably"))
        // The damaged row has its own error, not also "no photo".
        #expect(demo.problems.filter { $0.row == 116 && $0.severity == .error }.map(\.code) == ["roster.id-as-number"])
        #expect(demo.problems.filter { $0.code == "photo.missing" }.map(\.row) == [8])
    }

    @Test func anOrphanIsLinkedOnlyWhenOneRowAndOnePhotoFit() throws {
        let dir = try Fixtures.scratch()
        // Two rows damaged the same way and one photo: which row it belongs to cannot be told, so neither is named.
        let csv = dir + "/名单.csv"
        try Data("姓名,身份证号\n张三,1.10105E+17\n李四,110105200210183000\n王五,110105200210183000\n".utf8).write(to: URL(fileURLWithPath: csv))
        let zip = try ZipWriter(path: dir + "/照片.zip")
        try zip.add("110105200210183394.jpg", ZipPayload([0xFF, 0xD8, 0xFF]))
        try zip.close()
        let report = Validator(options: Fixtures.options(background: false)).validate(rosterPath: csv, photosPath: dir + "/照片.zip")
        let orphan = try #require(report.problems.first { $0.code == "photo.orphan" })
        #expect(orphan.row == nil && !orphan.message(.en).contains("probably"), "\(orphan.message(.en))")
        // Scientific notation keeps 6 digits: too few to say whose photo it is.
        let damage = try #require(NumberDamage.detect(.text("1.10105E+17"), kind: .residentID))
        #expect(damage.survivingDigits == "110105" && damage.length == 18 && !damage.couldBe("110105200210183394"))
        let number = try #require(NumberDamage.detect(.number(110105200210183392), kind: .residentID))   // 110105200210183394 as a double
        #expect(number.shown == "110105200210183000" && number.couldBe("110105200210183394") && !number.couldBe("110105200210184394"))
    }

    @Test func aMappingOfAColumnThatIsNotThereIsAMistakeNamingTheHeaders() throws {
        var options = Fixtures.options()
        options.mappings = ["学员证号": .id, "手机号 ": .phone]
        let report = Validator(options: options).validate(rosterPath: Fixtures.demoRoster, photosPath: Fixtures.demoPhotos)
        #expect(report.mappingMistakes.count == 1)
        let mistake = try #require(report.mappingMistakes.first)
        #expect(mistake.code == "roster.map-column-missing" && mistake.header == "学员证号" && mistake.field == .id)
        #expect(mistake.facts == DiagnosticFacts(file: Fixtures.demoRoster, row: 2, field: "id", key: "--map", value: "学员证号"))
        #expect(mistake.headersFound.contains("身份证号") && mistake.headersFound.contains("所属院校"))
        #expect(mistake.message(.zh).contains("没有“学员证号”这一列（找到的表头：序号、姓名、性别"))
        #expect(mistake.message(.en).contains("has no column \"学员证号\" (headers found: 序号, 姓名, 性别"))
        #expect(report.problems.isEmpty && report.rows == 0, "nothing else is checked")
        // A mapping of a column that is there (header compared as aliases are) is no mistake.
        options.mappings = ["身份证号（必填）": .id]
        #expect(Validator(options: options).validate(rosterPath: Fixtures.demoRoster).mappingMistakes.isEmpty)
    }

    @Test func theCommandLineRefusesAMappingOfAMissingColumn() throws {
        let run = try CLI.run(["validate", "--roster", Fixtures.demoRoster, "--photos", Fixtures.demoPhotos, "--map", "学员证号=id"])
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("--map 学员证号=id：名单 \(Fixtures.demoRoster) 里没有“学员证号”这一列（找到的表头：序号、姓名"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let english = try CLI.run(["validate", "--roster", Fixtures.demoRoster, "--map", "学员证号=id", "--lang", "en"])
        #expect(english.status == 2 && english.stderr.contains("has no column \"学员证号\" (headers found: 序号, 姓名"), "\(english.stderr)")
    }

    @Test func backgroundColoursAreNamedInEitherLanguageAndAnyCase() throws {
        for name in ["red", "Red", "RED", "红", "红色", "红底"] {
            let run = try CLI.run(["validate", "--roster", Fixtures.demoRoster, "--photos", Fixtures.demoPhotos,
                                   "--photo-background", name, "--today", "2026-06-01", "--json"])
            #expect(run.status == 1, "\(name): \(run.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let problems = try #require(object["problems"] as? [[String: Any]])
            // The one blue photo (row 12) is the only background error.
            #expect(problems.filter { $0["code"] as? String == "photo.background" }.map { $0["row"] as? Int } == [12], "\(name)")
        }
        for (name, colour) in [("blue", "blue"), ("蓝", "blue"), ("蓝色", "blue"), ("蓝底", "blue"), ("Blue", "blue"),
                               ("white", "white"), ("白", "white"), ("白色", "white"), ("白底", "white"), ("WHITE", "white")] {
            let run = try CLI.run(["validate", "--roster", Fixtures.demoRoster, "--photos", Fixtures.demoPhotos,
                                   "--photo-background", name, "--today", "2026-06-01", "--lang", "en"])
            #expect(run.status == 1 && run.stdout.contains("required: \(colour)"), "\(name)")
        }
        for name in ["green", "绿", "other", "色", ""] {
            let run = try CLI.run(["validate", "--roster", Fixtures.demoRoster, "--photo-background", name, "--lang", "en"])
            #expect(run.status == 2 && run.stderr.contains("--photo-background must be red, blue or white"), "\(name): \(run.stderr)")
        }
    }
}
