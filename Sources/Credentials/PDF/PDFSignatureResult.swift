import Foundation
import X509

/// What `PDFSignatureCheck` found in a PDF: its last signature valid for the certificate embedded with it
/// (the caller decides whether it trusts that certificate, e.g. by matching `kid` against a trust list),
/// or why not, as a stable reason code.
public enum PDFSignatureResult: Sendable, Equatable {
    /// The signature verifies with `signer`'s public key over the bytes /ByteRange names. `kid`: the first
    /// 8 bytes of SHA-256 of the signer's DER SubjectPublicKeyInfo (as `KeyID` computes it). `signedAt`:
    /// the CMS signing-time, else the signature dictionary's /M (signed too). `coversWholeFile` is false
    /// when bytes were appended after the signed revision: the file is not the one that was signed.
    case valid(signer: Certificate, kid: [UInt8], signedAt: Date?, coversWholeFile: Bool)
    /// `reason` is one of `PDFSignatureResult.unsigned`, `.badSignature`, `.modified`, `.malformed`.
    case invalid(reason: String)

    /// No signature field with a signature value (the PDF was never signed, or its field was removed).
    public static let unsigned = "verify.pdf-unsigned"
    /// The CMS does not verify with its certificate, or is of a kind not accepted.
    public static let badSignature = "verify.pdf-signature"
    /// The signed bytes changed after signing (their digest is not the signed one).
    public static let modified = "verify.pdf-modified"
    /// Not a readable PDF, or a signature whose /ByteRange or /Contents is not well formed.
    public static let malformed = "verify.pdf-malformed"

    /// The reason code, or nil when valid.
    public var reason: String? {
        if case .invalid(let reason) = self { return reason }
        return nil
    }
}
