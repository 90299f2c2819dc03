import Crypto
import Foundation

/// The signed code a certificate's QR carries: COSE_Sign1 (tag 18) with protected header
/// `{1: -7 (ES256), 4: kid}`, empty unprotected header and the CWT claims as payload, written as RFC 4648
/// Base32 (upper case, no padding) behind the issuer's verification URL in upper case:
/// `HTTPS://V.SHPX.ORG.CN/1/<Base32>` — one alphanumeric QR segment of version ≤ 13 at level M.
public enum CertificateCode {
    /// Most characters a QR code of version 13 at level M holds in alphanumeric mode.
    public static let maxCharacters = 483
    /// Longest text `decode` reads.
    public static let maxInput = 2_048
    /// The characters of a QR alphanumeric segment.
    static let alphanumeric = Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")

    /// Signs `payload` with `key`. `issuedAt` and `expires` are taken to the whole second below.
    public static func sign(_ payload: CertificatePayload, key: IssuerKey, baseURL: String) throws -> SignedCode {
        var prefix = baseURL.trimmingCharacters(in: .whitespaces).uppercased()
        while prefix.hasSuffix("/") { prefix.removeLast() }
        if let bad = prefix.first(where: { !alphanumeric.contains($0) }) {
            throw CertificateCodeError.invalidBaseURL(url: baseURL, character: String(bad))
        }
        try check(payload, key: key)
        let cose = try COSESign1.sign(payload: payload.cwt(), privateKey: key.privateKey, kid: key.kid)
        let text = prefix + "/1/" + Base32.encode(cose)
        guard text.count <= maxCharacters else { throw CertificateCodeError.payloadTooLong(characters: text.count, over: text.count - maxCharacters) }
        return SignedCode(text: text, coseBytes: cose, payloadSHA256: Hex.encode(SHA256.hash(data: cose)))
    }

    /// What a code may carry, checked before signing so nothing signed fails to decode.
    static func check(_ payload: CertificatePayload, key: IssuerKey) throws {
        guard payload.issuer == key.issuerCode else { throw CertificateCodeError.issuerMismatch(payload: payload.issuer, key: key.issuerCode) }
        guard payload.claims.issuerCode == key.issuerCode else {
            throw CertificateCodeError.issuerMismatch(payload: payload.claims.issuerCode, key: key.issuerCode)
        }
        func field(_ name: String, _ value: String, limit: Int, spaces: Bool = true) throws {
            guard !value.isEmpty else { throw CertificateCodeError.invalidField(field: name, detail: "empty") }
            guard value.utf8.count <= limit else { throw CertificateCodeError.invalidField(field: name, detail: "longer than \(limit) UTF-8 bytes") }
            guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || (!spaces && $0 == " ") }) else {
                throw CertificateCodeError.invalidField(field: name, detail: spaces ? "control characters" : "spaces or control characters")
            }
        }
        try field("number", payload.number, limit: CertificatePayload.maxNumberBytes, spaces: false)
        try field("name", payload.claims.name, limit: CertificateClaims.maxBytes)
        try field("maskedID", payload.claims.maskedID, limit: CertificateClaims.maxBytes)
        try field("kind", payload.claims.kind, limit: CertificateClaims.maxBytes)
        try field("title", payload.claims.title, limit: CertificateClaims.maxBytes)
        let issued = ISOTime.wholeSeconds(payload.issuedAt)
        guard issued >= 0, issued <= Int64(CertificatePayload.maxSeconds) else {
            throw CertificateCodeError.invalidField(field: "issuedAt", detail: "outside 1970-9999")
        }
        if let expires = payload.expires {
            let seconds = ISOTime.wholeSeconds(expires)
            guard seconds > issued, seconds <= Int64(CertificatePayload.maxSeconds) else {
                throw CertificateCodeError.invalidField(field: "expires", detail: "not after the issue time, or after 9999")
            }
        }
        let at = ISOTime.truncated(payload.issuedAt)
        guard key.trusted.isValid(at: at) else { throw CertificateCodeError.keyNotValid(kid: key.kid.hex, at: ISOTime.format(at)) }
    }

    /// Reads a code strictly: the whole URL text (everything up to the last `/1/` is the address and is not
    /// read) or the bare Base32. No signature is checked here (`CodeVerifier` does).
    public static func decode(_ text: String) throws(CodeRejection) -> DecodedCode {
        guard text.utf8.count <= maxInput else { throw .malformed("longer than \(maxInput) characters") }
        let base32: Substring
        if let marker = text.range(of: "/1/", options: .backwards) {
            base32 = text[marker.upperBound...]
        } else {
            base32 = text[...]
        }
        guard !base32.isEmpty else { throw .malformed("no code after /1/") }
        guard let bytes = Base32.decode(base32) else { throw .malformed("not upper-case Base32 without padding") }
        let message = try COSESign1.parse(bytes, maxSize: maxInput)
        let payload = try CertificatePayload(cwt: message.payload)
        return DecodedCode(payload: payload, kid: message.kid, coseBytes: bytes, signedBytes: message.signedBytes, signature: message.signature)
    }
}
