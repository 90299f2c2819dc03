import Testing
import Support

/// `ExactText` tells apart what `String` counts as equal: texts written with different bytes.
@Suite struct ExactTextTests {
    @Test func canonicallyEquivalentTextsAreDifferentTexts() {
        // A precomposed é and e + U+0301; a CJK compatibility ideograph (U+F92C) and its unified twin (U+90CE 郎).
        for (a, b) in [("caf\u{E9}", "cafe\u{301}"), ("\u{F92C}", "\u{90CE}")] {
            #expect(a == b, "String counts them equal")
            #expect(ExactText(a) != ExactText(b))
            #expect(Set([ExactText(a), ExactText(b)]).count == 2)
        }
        #expect(ExactText("上海市第一职业技术学院") == ExactText("上海市第一职业技术学院"))
        #expect(ExactText("上海市第一职业技术学院").hashValue == ExactText("上海市第一" + "职业技术学院").hashValue)
        #expect(ExactText("") == ExactText("") && ExactText("") != ExactText(" "))
    }
}
