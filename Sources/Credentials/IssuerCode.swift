/// An issuer's code (SHPX): 2–16 of the upper-case letters A–Z and digits 0–9. It begins every
/// certificate number the issuer gives, so it is plain ASCII that prints and scans everywhere.
public enum IssuerCode {
    /// Whether `code` is a valid issuer code as written (no normalising).
    public static func isValid(_ code: String) -> Bool {
        let utf8 = Array(code.utf8)
        return (2...16).contains(utf8.count) && utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
