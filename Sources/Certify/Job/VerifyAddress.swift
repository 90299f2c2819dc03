/// The verification service's address as the QR code holds it: `https://host[/path]` of letters, digits,
/// `.`, `-` and `/` only, so that in upper case it is QR alphanumeric text (`HTTPS://V.SHPX.ORG.CN`).
public enum VerifyAddress {
    /// The address without a trailing `/`, or nil when it cannot be one.
    public static func check(_ text: String) -> String? {
        var url = text.trimmingCharacters(in: .whitespaces)
        while url.hasSuffix("/") { url.removeLast() }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        let rest = url.drop(while: { $0 != ":" }).dropFirst(3)
        guard let host = rest.split(separator: "/", omittingEmptySubsequences: false).first, host.count >= 3, host.contains("."),
              !host.hasPrefix("."), !host.hasSuffix("."), url.count <= 80,
              rest.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-/".contains($0)) }) else { return nil }
        return url
    }
}
