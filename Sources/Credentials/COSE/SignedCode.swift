/// A signed certificate code: the QR text, the COSE_Sign1 bytes it carries, and their SHA-256 (hex), which
/// a registry keeps to recognise the payload it issued.
public struct SignedCode: Sendable, Equatable {
    /// `HTTPS://V.SHPX.ORG.CN/1/<Base32>`: one alphanumeric QR segment.
    public var text: String
    public var coseBytes: [UInt8]
    public var payloadSHA256: String
}
