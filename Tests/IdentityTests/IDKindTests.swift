import Testing
@testable import Identity

@Suite struct DocumentKindTests {
    @Test(arguments: [
        ("身份证", IDKind.residentID), ("居民身份证", .residentID), ("二代身份证", .residentID),
        ("中华人民共和国居民身份证", .residentID), ("ID card", .residentID), ("ID Card", .residentID),
        ("身份证号码", .residentID), ("居民身份证号", .residentID), ("公民身份号码", .residentID),
        ("港澳台居民居住证", .residencePermit), ("居住证", .residencePermit), ("台湾居民居住证", .residencePermit),
        ("外国人永久居留身份证", .foreignPermanentResident), ("永久居留证", .foreignPermanentResident),
        ("绿卡", .foreignPermanentResident), ("中国绿卡", .foreignPermanentResident), ("Green Card", .foreignPermanentResident),
        ("港澳居民来往内地通行证", .hkMacauTravelPermit), ("回乡证", .hkMacauTravelPermit), ("港澳通行证", .hkMacauTravelPermit),
        ("Home Return Permit", .hkMacauTravelPermit),
        ("台湾居民来往大陆通行证", .taiwanTravelPermit), ("台胞证", .taiwanTravelPermit),
        ("护照", .passport), ("passport", .passport), ("PASSPORT", .passport), ("外国护照", .passport),
        (" 护 照 ", .passport), ("ｐａｓｓｐｏｒｔ", .passport),
    ])
    func aliases(text: String, kind: IDKind) {
        #expect(IDKind.parse(text) == kind)
    }

    @Test func unknownAndEmpty() {
        #expect(IDKind.parse("") == nil)
        #expect(IDKind.parse("   ") == nil)
        #expect(IDKind.parse("军官证") == nil)
        #expect(IDKind.parse("中国") == nil)
        #expect(IDKind.parse("号码") == nil)
    }

    @Test func displayNamesRoundTrip() {
        for kind in IDKind.allCases {
            #expect(IDKind.parse(kind.displayName(.zh)) == kind)
        }
        #expect(IDKind.passport.displayName(.en) == "passport")
        #expect(IDKind.residentID.displayName(.zh) == "居民身份证")
    }
}

@Suite struct GenderTests {
    @Test(arguments: [
        ("男", Gender.male), ("女", .female), ("M", .male), ("m", .male), ("F", .female), (" f ", .female),
        ("male", .male), ("Male", .male), ("FEMALE", .female), ("1", .male), ("2", .female), ("１", .male),
    ])
    func parses(text: String, gender: Gender) {
        #expect(Gender.parse(text) == gender)
    }

    @Test func rejects() {
        for text in ["", "未知", "0", "3", "男女", "man"] { #expect(Gender.parse(text) == nil, "\(text)") }
        #expect(Gender.male.displayName(.zh) == "男" && Gender.female.displayName(.en) == "female")
    }
}
