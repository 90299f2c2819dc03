/// Decodes bytes whose encoding is not declared: UTF-8 when they are valid UTF-8, else GB18030.
public enum LegacyText {
    /// The text and the encoding it was read as; nil when neither UTF-8 nor GB18030 fits.
    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: String)? {
        if let utf8 = String(validating: bytes, as: UTF8.self) { return (utf8, "UTF-8") }
        if let gb = GB18030.decode(bytes) { return (gb, "GB18030") }
        return nil
    }
}
