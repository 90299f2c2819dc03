/// The characters a job can print, collected for `FontSubset` to cut the fonts to: every value and the
/// templates' own text (labels and fixed words). Control characters are never printed and not collected.
public struct PrintedCharacters {
    public private(set) var scalars = Set<Unicode.Scalar>()

    public init() {}

    public mutating func add(_ text: String) {
        for scalar in text.unicodeScalars where scalar.value >= 0x20 { scalars.insert(scalar) }
    }

    /// Adds the text of the template file at `path` (a file that cannot be read adds nothing: loading the
    /// template has already said why).
    public mutating func addTemplate(at path: String) {
        if let text = try? String(contentsOfFile: path, encoding: .utf8) { add(text) }
    }
}
