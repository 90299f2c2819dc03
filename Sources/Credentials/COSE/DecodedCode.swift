/// A certificate code that decoded strictly, before any signature check: its claims, the kid that
/// claims to have signed it, the COSE bytes, the bytes that were signed (`Sig_structure`) and the signature.
public struct DecodedCode: Sendable, Equatable {
    public let payload: CertificatePayload
    public let kid: KeyID
    public let coseBytes: [UInt8]
    /// `Sig_structure` (RFC 9052 §4.4), what the signature covers.
    public let signedBytes: [UInt8]
    /// ECDSA P-256 signature, raw `r || s`.
    public let signature: [UInt8]
}
