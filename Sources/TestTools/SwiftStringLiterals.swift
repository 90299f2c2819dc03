/// The string literals of a Swift source text, each with the language it is written in where the code
/// says so, for tests that check the wording of messages: a literal after `en:` (a `LocalizedText`, an
/// error's English), the second argument of `pick(…, …)` and one after `english ?` are English; one after
/// `zh:` and the first argument of `pick(` are Chinese. A literal inside the interpolation of another
/// (`en: "\(names.joined(separator: ", "))"`) is in its language unless it says otherwise. Comments are
/// skipped; single-line, multi-line and raw (`#"…"#`) literals are read with their escapes and
/// interpolations (each interpolation's place in `text` is U+FFFC).
public enum SwiftStringLiterals {
    public enum Language: Sendable, Equatable { case english, chinese, unknown }

    public struct Literal: Sendable, Equatable {
        /// The literal's characters as written between its quotes (escapes as written), interpolations as U+FFFC.
        public var text: String
        /// The 1-based line it starts on.
        public var line: Int
        public var language: Language
    }

    /// Every literal of `source`, nested ones after the literal holding them.
    public static func literals(in source: String) -> [Literal] {
        var lexer = Lexer(Array(source.unicodeScalars))
        _ = lexer.code(from: 0, nested: false, inherited: .unknown)
        return lexer.found.sorted { $0.order < $1.order }.map(\.literal)
    }

    private struct Lexer {
        let s: [Unicode.Scalar]
        var found: [(order: Int, literal: Literal)] = []
        var counter = 0

        init(_ s: [Unicode.Scalar]) { self.s = s }

        func at(_ i: Int, _ text: String) -> Bool {
            var k = i
            for scalar in text.unicodeScalars {
                guard k < s.count, s[k] == scalar else { return false }
                k += 1
            }
            return true
        }

        func line(of index: Int) -> Int { 1 + s[..<index].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) } }

        /// Whether a raw or plain literal starts at `i` (`"` or `#…#"`).
        func literalStarts(_ i: Int) -> Bool {
            if s[i] == "\"" { return true }
            guard s[i] == "#" else { return false }
            var k = i
            while k < s.count, s[k] == "#" { k += 1 }
            return k < s.count && s[k] == "\""
        }

        /// Reads code from `i` to the end (or, when `nested`, to the `)` closing an interpolation); returns
        /// the index after it.
        mutating func code(from start: Int, nested: Bool, inherited: Language) -> Int {
            var i = start
            var depth = 0
            var codeStart = start
            /// The previous literal at this level: whether it was `pick(`'s first argument, and where it ended.
            var previous: (wasPickFirst: Bool, end: Int)?
            while i < s.count {
                if at(i, "//") {
                    while i < s.count, s[i] != "\n" { i += 1 }
                    continue
                }
                if at(i, "/*") {
                    i += 2
                    while i < s.count, !at(i, "*/") { i += 1 }
                    i += 2
                    continue
                }
                if literalStarts(i) {
                    let before = String(String.UnicodeScalarView(s[codeStart..<i]))
                    var language = Self.language(before: before)
                    if language == .unknown, let previous, previous.wasPickFirst,
                       String(String.UnicodeScalarView(s[previous.end..<i])).trimmingSpaces == "," {
                        language = .english
                    }
                    if language == .unknown { language = inherited }
                    let pickFirst = before.trimmingTrailingSpaces.hasSuffix("pick(")
                    let end = literal(at: i, language: language)
                    previous = (pickFirst, end)
                    i = end
                    codeStart = end
                    continue
                }
                if s[i] == "(" { depth += 1 }
                if s[i] == ")" {
                    if nested && depth == 0 { return i + 1 }
                    depth -= 1
                }
                i += 1
            }
            return i
        }

        static func language(before: String) -> Language {
            let code = before.trimmingTrailingSpaces
            if code.endsWithWord("en:") || code.endsWithWord("english ?") { return .english }
            if code.endsWithWord("zh:") || code.hasSuffix("pick(") { return .chinese }
            return .unknown
        }

        /// Reads the literal starting at `i`; returns the index after it.
        mutating func literal(at start: Int, language: Language) -> Int {
            var i = start
            var hashes = 0
            while s[i] == "#" { hashes += 1; i += 1 }
            let quote = at(i, "\"\"\"") ? "\"\"\"" : "\""
            i += quote.unicodeScalars.count
            let close = quote + String(repeating: "#", count: hashes)
            let escape = "\\" + String(repeating: "#", count: hashes)
            let order = counter
            counter += 1
            var text = String.UnicodeScalarView()
            while i < s.count {
                if at(i, close) {
                    i += close.unicodeScalars.count
                    break
                }
                if at(i, escape) {
                    let next = i + escape.unicodeScalars.count
                    if next < s.count, s[next] == "(" {
                        text.append("\u{FFFC}")
                        i = code(from: next + 1, nested: true, inherited: language)
                        continue
                    }
                    text.append(contentsOf: s[i..<min(s.count, next + 1)])
                    i = next + 1
                    continue
                }
                text.append(s[i])
                i += 1
            }
            found.append((order, Literal(text: String(text), line: line(of: start), language: language)))
            return i
        }
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var scalars = Array(unicodeScalars)
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Whether the text ends with `word` not preceded by a letter, digit or `_` (`en:` but not `hidden:`).
    func endsWithWord(_ word: String) -> Bool {
        guard hasSuffix(word) else { return false }
        let before = unicodeScalars.dropLast(word.unicodeScalars.count).last
        return before.map { !($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") } ?? true
    }

    var trimmingSpaces: String {
        String(String.UnicodeScalarView(unicodeScalars.drop { $0.properties.isWhitespace })).trimmingTrailingSpaces
    }
}
