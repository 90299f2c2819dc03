import Foundation
import Testing
import Support
@testable import Validation

/// What each candidate keeps of its row: only the columns asked for (a pack keeps those its templates print),
/// and one shared copy of the values that repeat down the roster.
@Suite struct CandidateMemoryTests {
    static let roster = """
        姓名,身份证号,所属院校,证书编号,备注说明
        张伟,110101199003071233,上海市第一职业技术学院（浦东校区）,ZS001,甲
        李娜,11010519491231002X,上海市第一职业技术学院（浦东校区）,ZS002,乙
        王芳,310104199211212463,上海市第二工业大学,ZS003,丙
        """

    func validate(keeping columns: Set<String>?) throws -> ValidatedRoster {
        let dir = try Fixtures.scratch()
        let path = dir + "/roster.csv"
        try Data(Self.roster.utf8).write(to: URL(fileURLWithPath: path))
        var options = Fixtures.options(background: false)
        options.keptColumns = columns
        return Validator(options: options).validateRoster(rosterPath: path, photosPath: nil)
    }

    @Test func candidatesKeepTheColumnsAskedFor() throws {
        let all = try validate(keeping: nil)
        #expect(all.candidates.count == 3)
        #expect(Set(all.candidates[0].columns.keys) == ["姓名", "身份证号", "所属院校", "证书编号", "备注说明"])
        let some = try validate(keeping: ["证书编号"])
        #expect(some.candidates.map(\.columns) == [["证书编号": "ZS001"], ["证书编号": "ZS002"], ["证书编号": "ZS003"]])
        // The recognised fields stay whatever is kept.
        #expect(some.candidates.map(\.school) == all.candidates.map(\.school))
        #expect(some.report.problems.isEmpty && some.report.valid == 3)
    }

    @Test func aRepeatedLongValueIsOneCopy() throws {
        let read = try validate(keeping: [])
        func storage(_ text: String) -> UInt {
            var text = text
            return text.withUTF8 { UInt(bitPattern: $0.baseAddress) }
        }
        let schools = read.candidates.map(\.school)
        #expect(schools[0] == schools[1] && schools[0] != schools[2])
        #expect(storage(schools[0]) == storage(schools[1]), "the second row's school is the first row's copy")
        let values = RepeatedValues()
        // Values are shared only with one written exactly the same: a school written with a compatibility
        // ideograph (U+F92C) keeps its own bytes, though String counts it equal to the unified 郎.
        let unified = "上海市新郎职业技术学院（浦东）", compatibility = "上海市新\u{F92C}职业技术学院（浦东）"
        #expect(unified == compatibility)
        #expect(values.shared(unified).unicodeScalars.elementsEqual(unified.unicodeScalars))
        #expect(values.shared(compatibility).unicodeScalars.elementsEqual(compatibility.unicodeScalars), "printed as written")
        let short = "甲校"
        #expect(values.shared(short) == short)
        let long = String(repeating: "长", count: 6)
        #expect(storage(values.shared(long)) == storage(values.shared(String(repeating: "长", count: 6))))
    }
}
