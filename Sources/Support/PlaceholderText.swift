/// Text with placeholders between two delimiters — `{{name | mask}}` in templates, `{seat:2}` in ticket-number
/// patterns, `{证书编号}` in file-name patterns — split into literal runs and placeholder insides: the one
/// tokenizer every pattern parser uses, each then reading the insides its own way.
public enum PlaceholderText {
    /// A run of literal text, or the inside of a placeholder as written (not trimmed).
    public enum Piece: Sendable, Equatable {
        case literal(String)
        case placeholder(String)
    }

    /// The pieces of `text` in order, and whether it ends with an `open` delimiter that no `close` follows
    /// (the pieces then stop before it, so a parser reports the mistakes of the earlier placeholders first).
    public static func pieces(of text: String, open: String, close: String) -> (pieces: [Piece], unclosed: Bool) {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let start = rest.firstRange(of: open) {
            if start.lowerBound > rest.startIndex { pieces.append(.literal(String(rest[..<start.lowerBound]))) }
            guard let end = rest[start.upperBound...].firstRange(of: close) else { return (pieces, true) }
            pieces.append(.placeholder(String(rest[start.upperBound..<end.lowerBound])))
            rest = rest[end.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        return (pieces, false)
    }
}
