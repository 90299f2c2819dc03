import Crypto
import Foundation

/// A key's identifier (kid): the first 8 bytes of the SHA-256 of its DER SubjectPublicKeyInfo. It names the
/// key in a QR code's protected header, in `trust.json` (16 hex digits) and in key file names.
public struct KeyID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Always 8 bytes.
    public let bytes: [UInt8]

    /// The kid of `publicKey`.
    public init(publicKey: P256.Signing.PublicKey) {
        self.init(spki: Array(publicKey.derRepresentation))
    }

    /// The kid of a DER SubjectPublicKeyInfo.
    init(spki: [UInt8]) {
        bytes = Array(SHA256.hash(data: spki).prefix(8))
    }

    /// A kid read from a signed statement: exactly 8 bytes, else nil.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 8 else { return nil }
        self.bytes = bytes
    }

    /// A kid written as 16 hex digits (either case), else nil.
    public init?(hex: String) {
        guard let bytes = Hex.decode(hex), bytes.count == 8 else { return nil }
        self.bytes = bytes
    }

    /// 16 lower-case hex digits.
    public var hex: String { Hex.encode(bytes) }

    public var description: String { hex }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let kid = KeyID(hex: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "a kid is 16 hex digits, not \"\(text)\"")
        }
        self = kid
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
