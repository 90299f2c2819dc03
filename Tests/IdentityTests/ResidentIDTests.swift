import Testing
import Support
@testable import Identity

@Suite struct ResidentIDTests {
    @Test func wellKnownValidNumber() {
        let c = check("11010519491231002X")
        #expect(c.isValid && c.issues.isEmpty)
        #expect(c.normalized == "11010519491231002X")
        #expect(c.birthDate == CivilDate(year: 1949, month: 12, day: 31))
        #expect(c.gender == .female)
        #expect(c.regionName == "北京市朝阳区")
    }

    @Test func computedValidNumberIsMale() {
        let c = check("110101199003077774")
        #expect(c.issues.isEmpty)
        #expect(c.gender == .male)
        #expect(c.birthDate?.description == "1990-03-07")
        #expect(c.regionName == "北京市东城区")
    }

    @Test func wrongCheckCharacterNamesTheExpectedOne() {
        let c = check("110101199003077777")
        #expect(c.codes == ["id.checksum"])
        #expect(!c.isValid)
        #expect(c.issues.first?.severity == .error)
        #expect(c.firstMessage.contains("应为 4，实际为 7"))
        #expect(c.birthDate == nil && c.gender == nil)       // not trusted once the number is wrong
        #expect(check("110101199003077777", .residentID, .en).firstMessage.contains("give 4"))
    }

    @Test func cleansLowerCaseFullWidthAndSpaces() {
        #expect(check("11010519491231002x").normalized == "11010519491231002X")
        #expect(check("11010519491231002x").issues.isEmpty)
        let fullWidth = check("１１０１０５１９４９１２３１００２Ｘ")
        #expect(fullWidth.issues.isEmpty && fullWidth.normalized == "11010519491231002X")
        #expect(check(" 110105-19491231-002x ").issues.isEmpty)
    }

    @Test func leapDays() {
        #expect(check(withCheck("11010120000229123")).issues.isEmpty)         // 2000: leap (divisible by 400)
        #expect(check(withCheck("11010119960229123")).issues.isEmpty)         // 1996: leap
        #expect(check(withCheck("11010119000229123")).codes == ["id.birthdate"])   // 1900: not leap
        #expect(check(withCheck("11010119990229123")).codes == ["id.birthdate"])
    }

    @Test func impossibleFutureAndTooEarlyBirthDates() {
        let month13 = check(withCheck("11010119901301123"))
        #expect(month13.codes == ["id.birthdate"] && month13.birthDate == nil)
        #expect(month13.firstMessage.contains("19901301"))
        let future = check(withCheck("11010120261123123"))                  // the day after `today`
        #expect(future.codes == ["id.birthdate"])
        #expect(future.firstMessage.contains("晚于今天"))
        #expect(check(withCheck("11010120261122123")).issues.isEmpty)       // born today is fine
        let early = check(withCheck("11010118991231123"))
        #expect(early.codes.contains("id.birthdate"))
        #expect(early.issues.first { $0.code == "id.birthdate" }?.message(.zh).contains("1900") == true)
    }

    @Test func formatErrors() {
        let short = check("1101011990030712")
        #expect(short.codes == ["id.format"])
        #expect(short.firstMessage.contains("16 位"))
        let letter = check("1101011990030A1233")
        #expect(letter.codes == ["id.format"])
        #expect(letter.firstMessage.contains("第 14 位"))
        #expect(check("11010119900307123A").codes == ["id.format"])
        #expect(check("11010119900307123A", .residentID, .en).firstMessage.contains("digit or X"))
    }

    @Test func emptyIsMissing() {
        #expect(check("").codes == ["id.missing"])
        #expect(check("  \u{3000} ").codes == ["id.missing"])
        #expect(!check("").isValid)
    }

    @Test func legacyFifteenDigits() {
        let c = check("110105491231002")
        #expect(c.normalized == "11010519491231002X")
        #expect(c.codes == ["id.legacy-15"])
        #expect(c.issues.first?.severity == .warning && c.isValid)
        #expect(c.firstMessage.contains("11010519491231002X"))
        #expect(c.birthDate == CivilDate(year: 1949, month: 12, day: 31) && c.gender == .female)
        let badDate = check("110105491331002")
        #expect(badDate.codes == ["id.legacy-15", "id.birthdate"])
        #expect(check("11010549123100A").codes == ["id.format"])
    }
}
