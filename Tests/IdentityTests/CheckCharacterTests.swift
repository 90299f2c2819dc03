import Testing
@testable import Identity

@Suite struct CheckCharacterTests {
    @Test func knownValues() {
        // Worked out independently (GB 11643 weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, "10X98765432").
        #expect(IdentityValidator.checkCharacter(for: "11010519491231002") == "X")
        #expect(IdentityValidator.checkCharacter(for: "11010119900307777") == "4")
        #expect(IdentityValidator.checkCharacter(for: "11010119900307123") == "3")
        #expect(IdentityValidator.checkCharacter(for: "81000019900307123") == "7")
    }

    @Test func rejectsWrongInput() {
        #expect(IdentityValidator.checkCharacter(for: "1101051949123100") == nil)     // 16 digits
        #expect(IdentityValidator.checkCharacter(for: "110105194912310021") == nil)   // 18 digits
        #expect(IdentityValidator.checkCharacter(for: "1101051949123100A") == nil)
        #expect(IdentityValidator.checkCharacter(for: "11010519491231002X".prefix(17)) == "X")   // Substring works
    }
}
