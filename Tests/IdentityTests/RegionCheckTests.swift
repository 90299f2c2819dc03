import Testing
@testable import Identity

@Suite struct RegionCheckTests {
    @Test func unknownRegionIsAWarning() {
        let c = check(withCheck("99999919900307123"))
        #expect(c.isValid)
        #expect(c.codes == ["id.region"] && c.issues.first?.severity == .warning)
        #expect(c.firstMessage.contains("未知地区码 999999"))
        #expect(c.regionName == nil)
        #expect(c.birthDate != nil)
    }

    @Test func codeAbolishedBeforeBirth() {
        // 110203 通县 was in use 1980–1981 only.
        let c = check(withCheck("11020319900101123"))
        #expect(c.codes == ["id.region"] && c.isValid)
        #expect(c.firstMessage.contains("通县"))
        #expect(c.firstMessage.contains("1980–1981"))
        #expect(c.firstMessage.contains("撤销"))
        #expect(check(withCheck("11020319800101123")).issues.isEmpty)     // born while in use
        #expect(check(withCheck("11020319800101123")).regionName == "北京市通县")
    }

    @Test func codeAbolishedAfterBirthIsAccepted() {
        // 110103 崇文区 was abolished in 2010; people born earlier keep it on their ID.
        let c = check(withCheck("11010319950101123"))
        #expect(c.issues.isEmpty)
        #expect(c.regionName == "北京市崇文区")
    }

    @Test func nameFollowsTheBirthYear() {
        // 120110 was 东郊区 until 1991 and 东丽区 from 1992.
        #expect(check(withCheck("12011019850101123")).regionName == "天津市东郊区")
        #expect(check(withCheck("12011019950101123")).regionName == "天津市东丽区")
    }

    @Test func residencePermitCodeOnResidentIDIsFlagged() {
        let c = check(withCheck("81000019900307123"))
        #expect(c.codes == ["id.region"])
        #expect(c.firstMessage.contains("港澳台居民居住证"))
    }

    @Test func englishRegionMessage() {
        let c = check(withCheck("11020319900101123"), .residentID, .en)
        #expect(c.firstMessage.contains("abolished before the birth year 1990"))
    }
}
