import Testing
@testable import Support

/// The one tokenizer of `{{field}}`, `{seat:2}` and `{证书编号}` patterns.
@Suite struct PlaceholderTextTests {
    @Test func literalsAndPlaceholdersInOrder() {
        let split = PlaceholderText.pieces(of: "准考证号：{{ticketNumber}} {{ id | mask }}", open: "{{", close: "}}")
        #expect(!split.unclosed)
        #expect(split.pieces == [.literal("准考证号："), .placeholder("ticketNumber"), .literal(" "), .placeholder(" id | mask ")])
        #expect(PlaceholderText.pieces(of: "{exam.code}{seat:2}.pdf", open: "{", close: "}").pieces
                == [.placeholder("exam.code"), .placeholder("seat:2"), .literal(".pdf")])
        #expect(PlaceholderText.pieces(of: "", open: "{", close: "}").pieces.isEmpty)
    }

    @Test func anOpeningWithoutAClosingStopsThePieces() {
        let split = PlaceholderText.pieces(of: "{a}-{b", open: "{", close: "}")
        #expect(split.unclosed && split.pieces == [.placeholder("a"), .literal("-")])
        // A closing delimiter alone is literal text (each parser decides whether that is a mistake).
        #expect(PlaceholderText.pieces(of: "a}b", open: "{", close: "}") == ([.literal("a}b")], false))
    }
}
