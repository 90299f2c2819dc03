import Foundation

/// Text typed into rosters, rooms tables and file names, in the two forms kaowu needs:
///
/// - `asWritten`: what is printed and shown (names, schools, courses, addresses, every kept column) —
///   exactly as the user wrote it, only trimmed and cleaned of characters that are never seen (zero-width
///   spaces, BOM, bidi marks, soft hyphens, control characters). Full-width punctuation （）“”、, the middle
///   dot the user chose and rare characters (𠮷, 䶮) stay as they are.
/// - `key`, `nameKey`, `documentNumber`: what is matched or computed (headers, subjects, document and phone
///   numbers, genders, dates, names compared with photo names) — NFKC, spaces folded, and for names the
///   middle-dot look-alikes unified, for numbers spaces and hyphens dropped and letters upper-cased.
public enum TextCleaner {
    /// Characters that are never seen on paper and are dropped from every form: zero-width spaces and
    /// joiners, word joiner and invisible operators, BOM, soft hyphen, Mongolian vowel separator, bidi
    /// marks, embeddings, overrides and isolates, deprecated format characters, interlinear annotation marks.
    static let invisible: Set<Unicode.Scalar> = {
        var set: Set<Unicode.Scalar> = ["\u{00AD}", "\u{180E}", "\u{FEFF}", "\u{061C}"]
        for range in [0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFFF9...0xFFFB] {
            for value in range { if let scalar = Unicode.Scalar(value) { set.insert(scalar) } }
        }
        return set
    }()

    /// Dots people type between the parts of a name (阿卜杜·热合曼) instead of U+00B7.
    static let middleDots: Set<Unicode.Scalar> = [
        "\u{2022}", "\u{2027}", "\u{30FB}", "\u{FF65}", "\u{2219}", "\u{22C5}", "\u{0387}", "\u{16EB}", "\u{FF0E}",
    ]

    /// Whether `scalar` ends a line: LF, CR, vertical tab, form feed, NEL, line and paragraph separators.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Whether `scalar` is dropped: invisible, or a control character that is neither a line break nor a tab.
    static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v != 0x09 && !isLineBreak(scalar) }
        if (0x7F...0x9F).contains(v) { return v != 0x85 }
        return invisible.contains(scalar)
    }

    /// Printable ASCII other than the space, and the common CJK ideographs: text made only of these is
    /// the same in every form (`key` and `asWritten` return it unchanged, without work).
    @inline(__always)
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        (0x21...0x7E).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value)
    }

    /// A cell as written, for printing and showing: invisible and control characters removed, white space
    /// trimmed at both ends, nothing else changed. Inside the text, spaces (also runs of them and the
    /// ideographic space U+3000) stay as typed; a tab becomes one space (it has no printed width of its
    /// own); a line break typed in a cell (Alt+Enter in Excel; CR LF, CR, NEL, U+2028/2029 alike) is kept as
    /// one `\n`, so a template draws the text on the lines the user made; the spaces around a break and
    /// empty lines are dropped (on paper they would only push the lines apart and shrink the text).
    public static func asWritten(_ raw: String) -> String {
        if raw.isEmpty { return raw }
        if raw.unicodeScalars.allSatisfy(isPlain) { return raw }
        var scalars = String.UnicodeScalarView()
        var pendingSpaces = String.UnicodeScalarView()
        var pendingBreak = false
        for scalar in raw.unicodeScalars {
            if isDropped(scalar) { continue }
            if isLineBreak(scalar) {
                pendingSpaces.removeAll()
                if !scalars.isEmpty { pendingBreak = true }
                continue
            }
            if scalar.properties.isWhitespace {
                if !scalars.isEmpty { pendingSpaces.append(scalar == "\t" ? " " : scalar) }
                continue
            }
            if pendingBreak {
                scalars.append("\n")
                pendingBreak = false
                pendingSpaces.removeAll()
            }
            scalars.append(contentsOf: pendingSpaces)
            pendingSpaces.removeAll()
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// A value as it is matched: NFKC (full-width digits, letters and punctuation become ASCII),
    /// invisible and control characters removed, white space and line breaks trimmed and each run folded
    /// to one space. Case is kept (callers lower-case where case does not matter).
    public static func key(_ raw: String) -> String {
        if raw.isEmpty { return raw }
        if raw.unicodeScalars.allSatisfy(isPlain) { return raw }
        let normalized = raw.precomposedStringWithCompatibilityMapping
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in normalized.unicodeScalars {
            if isDropped(scalar) { continue }
            if scalar.properties.isWhitespace || isLineBreak(scalar) {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace { scalars.append(" "); pendingSpace = false }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// A person's name as it is checked and compared (never printed): as `key`, and every middle-dot
    /// look-alike becomes `·` (U+00B7) with no spaces around it. In a Chinese name a full stop (often
    /// typed, or NFKC's form of `．`) is a middle dot too.
    public static func nameKey(_ raw: String) -> String {
        let cleaned = key(raw)
        let chinese = cleaned.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
        var scalars = String.UnicodeScalarView()
        for scalar in cleaned.unicodeScalars {
            if middleDots.contains(scalar) || scalar == "\u{00B7}" || (chinese && scalar == ".") {
                while scalars.last == " " { scalars.removeLast() }
                scalars.append("\u{00B7}")
            } else if scalar == " " && scalars.last == "\u{00B7}" {
                continue
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// A document or phone number as it is checked and matched: as `key`, every space and hyphen
    /// removed, letters upper-cased (so a lower-case check character `x` becomes `X`).
    public static func documentNumber(_ raw: String) -> String {
        let cleaned = key(raw)
        var out = String.UnicodeScalarView()
        for scalar in cleaned.unicodeScalars where scalar != " " && scalar != "-" {
            out.append(scalar)
        }
        return String(out).uppercased()
    }
}
