import Crypto

/// A COSE_Sign1 message (RFC 9052 §4.2) as kaowu writes and accepts it: tag 18 around
/// `[protected, unprotected, payload, signature]`, the protected header exactly `{1: -7 (ES256), 4: kid}`
/// with an 8-byte kid, the unprotected header empty, the payload attached, and the ECDSA P-256 signature
/// as raw `r || s` (64 bytes) over `Sig_structure = ["Signature1", protected, h'', payload]`.
struct COSESign1: Sendable {
    /// The protected header's bytes as received (they are what was signed).
    let protected: [UInt8]
    let kid: KeyID
    let payload: [UInt8]
    let signature: [UInt8]

    static let tag: UInt64 = 18
    /// COSE's number for ES256.
    static let es256: Int64 = -7

    /// The bytes that were signed.
    var signedBytes: [UInt8] { Self.sigStructure(protected: protected, payload: payload) }

    static func sigStructure(protected: [UInt8], payload: [UInt8]) -> [UInt8] {
        CBOREncoder.encode(.array([.text("Signature1"), .bytes(protected), .bytes([]), .bytes(payload)]))
    }

    /// Signs `payload` with `key`, returning the whole tagged message.
    static func sign(payload: [UInt8], privateKey: P256.Signing.PrivateKey, kid: KeyID) throws -> [UInt8] {
        let protected = CBOREncoder.encode(.map([CBORPair(.int(1), .int(es256)), CBORPair(.int(4), .bytes(kid.bytes))]))
        let signature = try privateKey.signature(for: sigStructure(protected: protected, payload: payload))
        return CBOREncoder.encode(.tagged(tag, .array([.bytes(protected), .map([]), .bytes(payload), .bytes(Array(signature.rawRepresentation))])))
    }

    /// Whether the signature is valid for `publicKey`.
    func isSigned(by publicKey: P256.Signing.PublicKey) -> Bool {
        Self.isValid(signature, over: signedBytes, by: publicKey)
    }

    /// Whether the raw `r || s` `signature` over `signedBytes` is valid for `publicKey`.
    static func isValid(_ signature: [UInt8], over signedBytes: [UInt8], by publicKey: P256.Signing.PublicKey) -> Bool {
        guard let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
        return publicKey.isValidSignature(signature, for: signedBytes)
    }

    /// Reads a message strictly (see the type's description); `maxSize` bounds the whole message.
    static func parse(_ bytes: [UInt8], maxSize: Int) throws(CodeRejection) -> COSESign1 {
        let item: CBOR
        do { item = try CBORDecoder(maxSize: maxSize, maxDepth: 8).decode(bytes) } catch {
            throw .malformed("CBOR \(error.rule)")
        }
        guard case .tagged(let tag, let inner) = item else { throw .malformed("not a tagged COSE_Sign1") }
        guard tag == Self.tag else { throw .malformed("tag \(tag) is not COSE_Sign1 (18)") }
        guard case .array(let parts) = inner, parts.count == 4 else { throw .malformed("COSE_Sign1 is not an array of 4") }
        guard let protected = parts[0].bytesValue, !protected.isEmpty else { throw .malformed("protected header is not a non-empty byte string") }
        let header: CBOR
        do { header = try CBORDecoder(maxSize: 64, maxDepth: 2).decode(protected) } catch {
            throw .malformed("protected header CBOR \(error.rule)")
        }
        guard let keys = header.integerKeys else { throw .malformed("protected header is not a map of integer labels") }
        guard let alg = header[1] else { throw .malformed("protected header has no alg") }
        guard alg.int64 == es256 else {
            throw CodeRejection("verify.unsupported-alg", "alg \(alg.int64.map(String.init) ?? alg.textValue ?? "of another type")")
        }
        guard let kidBytes = header[4]?.bytesValue else { throw .malformed("protected header has no kid byte string") }
        guard let kid = KeyID(bytes: kidBytes) else { throw .malformed("kid is \(kidBytes.count) bytes, not 8") }
        guard Set(keys) == [1, 4] else { throw .malformed("protected header has labels other than alg and kid") }
        guard parts[1] == .map([]) else { throw .malformed("unprotected header is not empty") }
        guard let payload = parts[2].bytesValue else { throw .malformed("payload is not an attached byte string") }
        guard let signature = parts[3].bytesValue, signature.count == 64 else { throw .malformed("signature is not 64 bytes") }
        return COSESign1(protected: protected, kid: kid, payload: payload, signature: signature)
    }
}
