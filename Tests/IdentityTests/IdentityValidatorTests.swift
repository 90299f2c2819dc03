import Testing
import Support
@testable import Identity

let today = CivilDate(year: 2026, month: 11, day: 22)!

func check(_ n: String, _ kind: DocumentKind = .residentID, _ language: Language = .zh) -> IdentityCheck {
    IdentityValidator.check(n, kind: kind, today: today, language: language)
}

func withCheck(_ first17: String) -> String { first17 + String(IdentityValidator.checkCharacter(for: first17)!) }

@Suite struct ResidentIDTests {
    @Test func knownValidNumbers() {
        #expect(IdentityValidator.checkCharacter(for: "11010519491231002") == "X")
        let c = check("11010519491231002X")
        #expect(c.isValid && c.issues.isEmpty)
        #expect(c.birthDate == CivilDate(year: 1949, month: 12, day: 31))
        #expect(c.gender == .female)
        #expect(c.regionName == "北京市朝阳区")
        #expect(check("110101199003071233").gender == .male)
    }

    @Test func wrongCheckCharacterNamesTheExpectedOne() {
        let c = check("110101199003071234")
        #expect(c.issues.map(\.code) == ["id.checksum"])
        #expect(c.issues[0].message.contains("应为 3"))
        #expect(check("110101199003071234", .residentID, .en).issues[0].message.contains("give 3"))
    }

    @Test func cleaningFullWidthAndLowerCase() {
        #expect(check("１１０１０５１９４９１２３１００２ｘ").isValid)
        #expect(check(" 11010519491231002x ").normalized == "11010519491231002X")
    }

    @Test func birthDates() {
        #expect(check(withCheck("11010120000229123")).isValid)                           // leap year
        #expect(check(withCheck("11010119000229123")).issues.map(\.code) == ["id.birthdate"])   // 1900 is not a leap year
        #expect(check(withCheck("11010120990101123")).issues.first?.message.contains("未来") == true)
        #expect(check(withCheck("11010118991231123")).issues.map(\.code).contains("id.birthdate"))
        #expect(check(withCheck("11010119901301123")).issues.map(\.code).contains("id.birthdate"))
    }

    @Test func regionCodes() {
        let unknown = check(withCheck("99999919900307123"))
        #expect(unknown.isValid)                                 // a warning only
        #expect(unknown.issues.map(\.code) == ["id.region"] && unknown.issues[0].severity == .warning)
        // 110110 燕山区 was in use 1980–1985: fine for someone born in 1984, not for someone born in 1990.
        #expect(check(withCheck("11011019840101123")).issues.isEmpty)
        let retired = check(withCheck("11011019900101123"))
        #expect(retired.issues.map(\.code) == ["id.region"])
        #expect(retired.issues[0].message.contains("1985"))
        #expect(RegionCodes.shared.codeCount > 5000)
    }

    @Test func formats() {
        #expect(check("1101011990030712").issues.map(\.code) == ["id.format"])
        #expect(check("11010119900307123A").issues.map(\.code) == ["id.format"])
        #expect(check("").issues.map(\.code) == ["id.format"])
    }

    @Test func legacyFifteenDigits() {
        let c = check("110105491231002")
        #expect(c.normalized == "11010519491231002X")
        #expect(c.issues.map(\.code) == ["id.legacy-15"])
        #expect(c.issues[0].severity == .warning && c.isValid)
        #expect(c.issues[0].message.contains("11010519491231002X"))
        #expect(c.birthDate == CivilDate(year: 1949, month: 12, day: 31))
    }
}

@Suite struct OtherDocumentTests {
    @Test func residencePermits() {
        let hk = withCheck("81000019900307123")
        #expect(check(hk, .residencePermit).isValid)
        #expect(check(hk, .residencePermit).gender == .male)
        #expect(check(withCheck("11010119900307123"), .residencePermit).issues.map(\.code) == ["id.format"])
        #expect(check(String(hk.dropLast()) + (hk.last == "1" ? "2" : "1"), .residencePermit).issues.map(\.code) == ["id.checksum"])
    }

    @Test func foreignPermanentResidence() {
        let id = withCheck("93115619850612001")
        let c = check(id, .foreignPermanentResident)
        #expect(c.isValid && c.birthDate == CivilDate(year: 1985, month: 6, day: 12))
        #expect(check("USA110085061200", .foreignPermanentResident).isValid)
        #expect(check(withCheck("11010119900307123"), .foreignPermanentResident).issues.map(\.code) == ["id.format"])
    }

    @Test func travelPermitsAndPassports() {
        #expect(check("H12345678", .hkMacauTravelPermit).isValid)
        #expect(check("m1234567890", .hkMacauTravelPermit).isValid)
        #expect(!check("H1234567", .hkMacauTravelPermit).isValid)
        #expect(!check("A12345678", .hkMacauTravelPermit).isValid)
        #expect(check("12345678", .taiwanTravelPermit).isValid)
        #expect(check("1234567890(B)", .taiwanTravelPermit).isValid)
        #expect(!check("1234567", .taiwanTravelPermit).isValid)
        #expect(check("E12345678", .passport).isValid)
        #expect(!check("E123", .passport).isValid)
        #expect(!check("护照12345", .passport).isValid)
    }

    @Test func documentKindAliases() {
        #expect(DocumentKind.parse("居民身份证") == .residentID)
        #expect(DocumentKind.parse("中华人民共和国居民身份证") == .residentID)
        #expect(DocumentKind.parse("ID Card") == .residentID)
        #expect(DocumentKind.parse("港澳台居民居住证") == .residencePermit)
        #expect(DocumentKind.parse("外国人永久居留身份证") == .foreignPermanentResident)
        #expect(DocumentKind.parse("回乡证") == .hkMacauTravelPermit)
        #expect(DocumentKind.parse("台胞证") == .taiwanTravelPermit)
        #expect(DocumentKind.parse("Passport") == .passport)
        #expect(DocumentKind.parse("军官证") == nil)
        #expect(DocumentKind.parse("") == nil)
        for kind in DocumentKind.allCases { #expect(DocumentKind.parse(kind.displayName(.zh)) == kind) }
    }

    @Test func genders() {
        #expect(Gender.parse("男") == .male && Gender.parse(" F ") == .female && Gender.parse("2") == .female)
        #expect(Gender.parse("未知") == nil)
    }

    @Test func civilDateParsing() {
        #expect(CivilDate.parse("1990-03-07") == CivilDate(year: 1990, month: 3, day: 7))
        #expect(CivilDate.parse("1990/3/7") == CivilDate(year: 1990, month: 3, day: 7))
        #expect(CivilDate.parse("1990.03.07") == CivilDate(year: 1990, month: 3, day: 7))
        #expect(CivilDate.parse("19900307") == CivilDate(year: 1990, month: 3, day: 7))
        #expect(CivilDate.parse("1990年3月7日") == CivilDate(year: 1990, month: 3, day: 7))
        let month = CivilDate.parse("1990年3月")
        #expect(month == CivilDate(year: 1990, month: 3) && month?.hasDay == false)
        #expect(CivilDate.parse("1990-03")?.matches(CivilDate(year: 1990, month: 3, day: 7)!) == true)
        #expect(CivilDate.parse("1990-02-30") == nil)
        #expect(CivilDate.parse("3/7/1990") == nil)
        #expect(CivilDate.parse("yesterday") == nil)
    }
}
