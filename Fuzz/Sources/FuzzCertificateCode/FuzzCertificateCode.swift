import Credentials
import Foundation

/// The test issuer's trust list (fixtures/credentials), so inputs that decode reach the signature checks.
private let trust = try? TrustList.load(path: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures/credentials/issuer/trust.json").path)
private let verifier = trust.map(CodeVerifier.init)
private let approval = Approval(role: "培训机构", issuerCode: "CSPXZX", kid: KeyID(hex: "a2e97664037f41fc")!, batchHash: String(repeating: "0", count: 64),
                                signedAt: Date(timeIntervalSince1970: 0), cose: [])

/// libFuzzer entry point: the input as a certificate code's text (verified against the trust list), and
/// its bytes as COSE (Base32-encoded into a code, so mutations reach the CBOR directly), as an approval's
/// and as a revocation list's statement.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCertificateCode(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    _ = verifier?.verify(String(decoding: bytes, as: UTF8.self), now: now) { _ in nil }
    _ = verifier?.verify("HTTPS://V.EXAMPLE.CN/1/" + Base32.encode(bytes), now: now) { _ in nil }
    _ = try? CBORDecoder(maxSize: 1 << 16, maxDepth: 8).decode(bytes)
    if let trust {
        var signed = approval
        signed.cose = bytes
        try? signed.verify(expectedHash: approval.batchHash, trust: trust)
        _ = try? RevocationList.verify(bytes, trust: trust)
    }
    return 0
}
