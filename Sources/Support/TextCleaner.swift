import Foundation

/// Normalises text typed into rosters and file names: NFKC (full-width digits and letters become
/// ASCII), invisible characters (zero-width spaces, BOM, soft hyphen) removed, spaces trimmed and
/// collapsed, and the several "middle dot" look-alikes in ethnic-minority and foreign names unified to `·`.
public enum TextCleaner {
    /// Characters that never carry meaning in a roster cell and are dropped.
    static let invisible: Set<Unicode.Scalar> = [
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}", "\u{180E}",
        "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
    ]
    /// Dots people type between the parts of a name (阿卜杜·热合曼) instead of U+00B7.
    static let middleDots: Set<Unicode.Scalar> = [
        "\u{2022}", "\u{2027}", "\u{30FB}", "\u{FF65}", "\u{2219}", "\u{22C5}", "\u{0387}", "\u{16EB}", "\u{FF0E}",
    ]

    /// Cleans one cell: NFKC, invisible characters removed, white space trimmed and runs folded to one space.
    public static func clean(_ raw: String) -> String {
        if raw.isEmpty { return raw }
        // Fast path: printable ASCII without spaces and common CJK ideographs are unchanged by every step.
        if raw.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) }) { return raw }
        let normalized = raw.precomposedStringWithCompatibilityMapping
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in normalized.unicodeScalars {
            if invisible.contains(scalar) { continue }
            if scalar.properties.isWhitespace || scalar == "\u{3000}" {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace { scalars.append(" "); pendingSpace = false }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Cleans a person's name: as `clean`, and every middle-dot look-alike becomes `·` (U+00B7)
    /// with no spaces around it.
    /// In a Chinese name a full stop (often typed, or NFKC's form of `．`) is a middle dot too.
    public static func cleanName(_ raw: String) -> String {
        let cleaned = clean(raw)
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

    /// Cleans a document number: as `clean`, every space and hyphen removed, letters upper-cased
    /// (so a lower-case check character `x` becomes `X`).
    public static func cleanDocumentNumber(_ raw: String) -> String {
        let cleaned = clean(raw)
        var out = String.UnicodeScalarView()
        for scalar in cleaned.unicodeScalars where scalar != " " && scalar != "-" {
            out.append(scalar)
        }
        return String(out).uppercased()
    }
}
