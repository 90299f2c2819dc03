import Support
import Testing
@testable import Identity

@Suite struct ResidencePermitTests {
    @Test func hongKongMacaoTaiwan() {
        let hk = check("810000199003071237", .residencePermit)
        #expect(hk.issues.isEmpty)
        #expect(hk.gender == .male && hk.birthDate == CivilDate(year: 1990, month: 3, day: 7))
        #expect(hk.regionName == "香港特别行政区")
        let macao = check(withCheck("82000019900307124"), .residencePermit)
        #expect(macao.issues.isEmpty && macao.gender == .female && macao.regionName == "澳门特别行政区")
        #expect(check(withCheck("83000019900307123"), .residencePermit).regionName == "台湾省")
    }

    @Test func mainlandPrefixIsAFormatError() {
        let c = check(withCheck("11010119900307123"), .residencePermit)
        #expect(c.codes == ["id.format"])
        #expect(c.firstMessage.contains("810000"))
    }

    @Test func checksumAndLength() {
        let c = check(withWrongCheck("81000019900307123"), .residencePermit)
        #expect(c.codes == ["id.checksum"])
        #expect(c.firstMessage.contains("应为 7"))
        #expect(check("810000900307123", .residencePermit).codes == ["id.format"])   // no 15-digit form
    }
}

@Suite struct ForeignPermanentResidentTests {
    @Test func version2023() {
        let c = check("931156198506120011", .foreignPermanentResident)   // 9, 31 上海, 156, 1985-06-12, 001
        #expect(c.issues.isEmpty)
        #expect(c.birthDate == CivilDate(year: 1985, month: 6, day: 12))
        #expect(c.gender == .male)
        #expect(c.regionName == "上海市")
    }

    @Test func version2023Errors() {
        #expect(check("931156198506120012", .foreignPermanentResident).codes == ["id.checksum"])
        #expect(check(withCheck("93115619851312001"), .foreignPermanentResident).codes == ["id.birthdate"])
        #expect(check(withCheck("11010119900307123"), .foreignPermanentResident).codes == ["id.format"])
        let badProvince = check(withCheck("90015619850612002"), .foreignPermanentResident)
        #expect(badProvince.codes == ["id.region"] && badProvince.isValid && badProvince.gender == .female)
    }

    @Test func olderCardFormatOnly() {
        let c = check("usa110085061200", .foreignPermanentResident)
        #expect(c.issues.isEmpty && c.normalized == "USA110085061200")
        #expect(c.birthDate == nil && c.gender == nil)
        #expect(check("US1110085061200", .foreignPermanentResident).codes == ["id.format"])
        #expect(check("USA11008506120", .foreignPermanentResident).codes == ["id.format"])
    }
}

@Suite struct TravelDocumentTests {
    @Test func hongKongMacaoPermit() {
        #expect(check("H12345678", .hkMacauTravelPermit).issues.isEmpty)
        #expect(check("M1234567890", .hkMacauTravelPermit).issues.isEmpty)
        #expect(check("h 1234 5678", .hkMacauTravelPermit).normalized == "H12345678")
        for bad in ["H1234567", "H123456789", "A12345678", "12345678", "HM2345678"] {
            #expect(check(bad, .hkMacauTravelPermit).codes == ["id.format"], "\(bad)")
        }
        #expect(check("A12345678", .hkMacauTravelPermit).firstMessage.contains("H12345678"))
    }

    @Test func taiwanPermit() {
        for good in ["12345678", "1234567890", "12345678(B)", "12345678B", "1234567890(B)", "1234567890（b）"] {
            #expect(check(good, .taiwanTravelPermit).issues.isEmpty, "\(good)")
        }
        for bad in ["1234567", "123456789", "T1234567", "12345678(1)", "12345678()"] {
            #expect(check(bad, .taiwanTravelPermit).codes == ["id.format"], "\(bad)")
        }
    }

    @Test func passport() {
        #expect(check("E12345678", .passport).issues.isEmpty)
        #expect(check("g1234567", .passport).normalized == "G1234567")
        #expect(check("E1234", .passport).issues.isEmpty)
        #expect(check("E123", .passport).codes == ["id.format"])
        #expect(check("E12345678901234567", .passport).codes == ["id.format"])   // 18 characters
        #expect(check("护照12345", .passport).codes == ["id.format"])
        #expect(check("E123", .passport, .en).firstMessage.contains("5 to 17"))
    }
}
