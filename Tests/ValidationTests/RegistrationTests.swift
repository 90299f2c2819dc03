import Foundation
import Testing
import Support
@testable import Validation

/// A candidate is one person with one or more registrations, from one row per subject or several subjects in one cell.
@Suite struct RegistrationTests {
    func validate(_ csv: String) throws -> ValidatedRoster {
        let dir = try Fixtures.scratch()
        let path = dir + "/roster.csv"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        return Validator(options: Fixtures.options(background: false)).validateRoster(rosterPath: path, photosPath: nil)
    }

    @Test func bothRosterShapesGiveOnePersonWithTwoRegistrations() throws {
        let read = try validate("""
            姓名,身份证号,所属院校,报考科目
            张伟,110101199003071233,甲校,基础考核
            李娜,11010519491231002X,乙校,基础考核、实操考核
            张伟,110101199003071233,甲校,实操考核
            王芳,310104199211212463,丙校,理论；实操，口试
            """)
        #expect(read.report.problems.isEmpty, "\(read.report.problems.map { $0.message(.en) })")
        #expect(read.report.rows == 4 && read.report.valid == 4)
        #expect(read.candidates.count == 3)
        let zhang = try #require(read.candidates.first { $0.name == "张伟" })
        #expect(zhang.registrations == [Registration(subject: "基础考核", row: 2), Registration(subject: "实操考核", row: 4)])
        let li = try #require(read.candidates.first { $0.name == "李娜" })
        #expect(li.registrations == [Registration(subject: "基础考核", row: 3), Registration(subject: "实操考核", row: 3)])
        #expect(read.candidates.first { $0.name == "王芳" }?.registrations.map(\.subject) == ["理论", "实操", "口试"])
    }

    @Test func theSameSubjectTwiceIsADuplicateWithItsRow() throws {
        let read = try validate("""
            姓名,身份证号,报考科目
            张伟,110101199003071233,基础考核
            张伟,110101199003071233,基础 考核
            李娜,11010519491231002X,实操、实操
            """)
        let duplicates = read.report.problems.filter { $0.code == "roster.duplicate-id" }
        #expect(duplicates.map(\.row) == [3, 4])
        #expect(duplicates[0].message(.zh).contains("第 2 行") && duplicates[0].column == "B")
        // The first row still sits its subject; the row with the repeat is left out.
        #expect(read.candidates.first { $0.name == "张伟" }?.registrations.map(\.row) == [2])
        #expect(read.candidates.contains { $0.name == "李娜" } == false)
        #expect(read.report.valid == 1 && read.report.rows == 3)
    }

    @Test func anotherNameOrSchoolOnTheSamePersonsRowIsReported() throws {
        let read = try validate("""
            姓名,身份证号,所属院校,报考科目,序号
            张伟,110101199003071233,甲校,理论,1
            张 伟,110101199003071233,甲校,实操,2
            张伟,110101199003071233,乙校,口试,3
            张小伟,110101199003071233,甲校,笔试,4
            """)
        #expect(read.report.problems.map(\.code) == ["roster.person-conflict", "roster.name-conflict"])
        let school = try #require(read.report.problems.first)
        #expect(school.row == 4 && school.column == "C" && school.value == "乙校" && school.message(.zh).contains("与第 2 行不同（本行是“乙校”）"))
        #expect(read.report.problems[1].row == 5 && read.report.problems[1].column == "A")
        // 张 伟 is the same name written with a space; 序号 differs per row and may.
        #expect(read.candidates.count == 1 && read.candidates[0].registrations.map(\.subject) == ["理论", "实操"])
        #expect(read.refused.map(\.row) == [4, 5])
    }

    @Test func aPersonWhoseFirstRowHasAnErrorSitsNothing() throws {
        let read = try validate("""
            姓名,性别,身份证号,报考科目
            李娜,男,11010519491231002X,理论
            李娜,,11010519491231002X,实操
            """)
        #expect(read.report.problems.map(\.code) == ["gender.mismatch", "roster.person-refused"])
        #expect(read.candidates.isEmpty && read.report.valid == 0 && read.refused.map(\.row) == [2, 3])
    }
}
