import Testing
@testable import Support

@Suite struct TextCleanerTests {
    // MARK: as written (printed)

    @Test func writtenTextKeepsFullWidthPunctuationDotsAndRareCharacters() {
        for text in ["财务数字化应用（初级）", "“数字化”管理、财务", "阿卜杜•热合曼", "阿卜杜·热合曼", "阿卜杜・热合曼",
                     "吉𠮷祥", "王䶮", "ＡＢＣ１２３", "第一考点　3号楼", "St. Mary's (UK)", "李\u{FE00}明"] {
            #expect(TextCleaner.asWritten(text) == text)
        }
    }

    @Test func writtenTextLosesOnlyInvisibleCharactersAndOuterSpace() {
        #expect(TextCleaner.asWritten("\u{FEFF} 张\u{200B}三\u{00AD}  丰 \u{3000}") == "张三  丰")
        #expect(TextCleaner.asWritten("\u{202E}北京\u{200E}大学\u{2066}\u{2069}\u{2060}") == "北京大学")
        #expect(TextCleaner.asWritten("\u{00A0}\t上海\u{7}市\u{0}\u{9F}\t") == "上海市")
        #expect(TextCleaner.asWritten("a\tb") == "a b")                         // a tab has no printed width of its own
        #expect(TextCleaner.asWritten(" \u{3000} \u{200B} ").isEmpty)
    }

    @Test func writtenTextKeepsLineBreaksAsOneNewline() {
        #expect(TextCleaner.asWritten("北京市海淀区\r\n中关村大街1号") == "北京市海淀区\n中关村大街1号")
        #expect(TextCleaner.asWritten("一\r二\u{2028}三\u{85}四") == "一\n二\n三\n四")
        #expect(TextCleaner.asWritten("第一行  \n\n  第二行\n") == "第一行\n第二行")
        #expect(TextCleaner.asWritten("\n\n第一行") == "第一行")
    }

    @Test func writtenTextOfPlainInputIsTheSameString() {
        #expect(TextCleaner.asWritten("H12345678") == "H12345678")
        #expect(TextCleaner.asWritten("") == "")
    }

    // MARK: keys (matched, computed)

    @Test func keysAreNFKCWithSpacesFolded() {
        #expect(TextCleaner.key("\u{FEFF} 张\u{200B}三  丰 \u{3000}") == "张三 丰")
        #expect(TextCleaner.key("财务数字化应用（初级）") == "财务数字化应用(初级)")
        #expect(TextCleaner.key("第一\n考点\t A") == "第一 考点 A")
        #expect(TextCleaner.key("ＡＢＣ１２３") == "ABC123")
        #expect(TextCleaner.key("吉𠮷祥") == "吉𠮷祥")
        #expect(TextCleaner.key("H12345678") == "H12345678")
    }

    @Test func documentNumbersLoseSpacesAndHyphensAndAreUpperCased() {
        #expect(TextCleaner.documentNumber("１１０１０５１９４９１２３１００２ｘ") == "11010519491231002X")
        #expect(TextCleaner.documentNumber(" 110105 1949-1231-002x ") == "11010519491231002X")
        #expect(TextCleaner.documentNumber("\u{200B}138 0013\u{00A0}8000\n") == "13800138000")
    }

    @Test func nameKeysUnifyMiddleDotLookAlikes() {
        #expect(TextCleaner.nameKey("阿卜杜•热合曼") == "阿卜杜·热合曼")
        #expect(TextCleaner.nameKey("阿卜杜 ． 热合曼") == "阿卜杜·热合曼")
        #expect(TextCleaner.nameKey("阿卜杜・热合曼") == "阿卜杜·热合曼")
        #expect(TextCleaner.nameKey("阿卜杜.热合曼") == "阿卜杜·热合曼")
        #expect(TextCleaner.nameKey("John Smith.Jr") == "John Smith.Jr")     // Latin names keep their full stop
        #expect(TextCleaner.nameKey("  王\u{200B}䶮 ") == "王䶮")
    }

    @Test func columnLettersMatchExcel() {
        #expect(columnLetters(0) == "A")
        #expect(columnLetters(25) == "Z")
        #expect(columnLetters(26) == "AA")
        #expect(columnLetters(16383) == "XFD")
    }
}
