import Support
import Testing
@testable import Identity

@Suite struct CivilDateTests {
    @Test(arguments: [
        "1990-03-07", "1990/3/7", "1990.03.07", "19900307", "1990年3月7日", "1990年03月07日", "1990年3月7号", "1990年3月7",
        "1990-3-7", "１９９０－０３－０７", "1990-03-07 00:00:00", " 1990/03/07 ",
    ])
    func fullDates(text: String) {
        let d = CivilDate.parse(text)
        #expect(d == CivilDate(year: 1990, month: 3, day: 7))
        #expect(d?.hasDay == true)
    }

    @Test(arguments: ["1990-03", "1990/3", "1990.03", "199003", "1990年3月", "1990年03月"])
    func monthOnly(text: String) {
        let d = CivilDate.parse(text)
        #expect(d == CivilDate(year: 1990, month: 3))
        #expect(d?.hasDay == false)
        #expect(d?.description == "1990-03")
    }

    @Test(arguments: ["1990-02-30", "1990-13-01", "3/7/1990", "90-03-07", "1990-03/07", "1990年3月7日日", "yesterday", "",
                      "1990", "19900230", "1990-03-07x", "1990年13月",
                      // Long digit runs once overflowed the parser (a trap): they are simply not dates.
                      "1234567890123456789", "99999999999999999999999999", "9300000000000000000", "1990-99999999999999999999-01",
                      "1990年99999999999999999999月1日", "9999999999999999999年3月7日"])
    func rejects(text: String) {
        #expect(CivilDate.parse(text) == nil)
    }

    @Test func validation() {
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2023, month: 4, day: 31) == nil)
        #expect(CivilDate(year: 2023, month: 0, day: 1) == nil)
        #expect(CivilDate(year: 2023, month: 12, day: 31) != nil)
    }

    @Test func monthPrecisionMatching() {
        let month = CivilDate(year: 1990, month: 3)!
        #expect(month.matches(CivilDate(year: 1990, month: 3, day: 7)!))
        #expect(CivilDate(year: 1990, month: 3, day: 31)!.matches(month))
        #expect(!month.matches(CivilDate(year: 1990, month: 4, day: 7)!))
        #expect(!CivilDate(year: 1990, month: 3, day: 7)!.matches(CivilDate(year: 1990, month: 3, day: 8)!))
        #expect(month != CivilDate(year: 1990, month: 3, day: 1)!)
    }

    @Test func orderingAndDescription() {
        #expect(CivilDate(year: 1990, month: 3, day: 7)! < CivilDate(year: 1990, month: 3, day: 8)!)
        #expect(CivilDate(year: 1989, month: 12, day: 31)! < CivilDate(year: 1990, month: 1, day: 1)!)
        #expect(CivilDate(year: 1990, month: 3)! < CivilDate(year: 1990, month: 3, day: 1)!)
        #expect(CivilDate(year: 1990, month: 3, day: 7)!.description == "1990-03-07")
        #expect(CivilDate(year: 5, month: 1, day: 2)!.description == "0005-01-02")
    }

    @Test func todayIsPlausible() {
        let t = CivilDate.today()
        #expect(t.hasDay && t.year >= 2024 && t.year < 2200)
    }
}
