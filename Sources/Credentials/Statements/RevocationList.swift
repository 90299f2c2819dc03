import Foundation

/// A signed list of an issuer's revoked certificates, for verifiers without the registry (`kaowu revoke
/// --export`): COSE_Sign1 by one of the issuer's keys over `{0: "kaowu-revocations-v1", 1: issuer code,
/// 2: issued at, 3: [[number, reason, revoked at], …]}`, entries sorted by number.
public enum RevocationList {
    static let kind = "kaowu-revocations-v1"
    /// Largest list read (about a million entries).
    public static let maxSize = 64 << 20

    /// The list's bytes, signed by `key`, which must be a key of `issuerCode`.
    public static func signed(_ entries: [RevocationEntry], issuerCode: String, key: IssuerKey, at date: Date) throws -> [UInt8] {
        func refuse(_ detail: String) -> RevocationListRejection { RevocationListRejection("revocations.cannot-sign", detail: detail) }
        guard issuerCode == key.issuerCode else { throw refuse("the key belongs to \(key.issuerCode), not \(issuerCode)") }
        let at = ISOTime.truncated(date)
        guard key.trusted.isValid(at: at) else { throw refuse("the key \(key.kid.hex) is not valid at \(ISOTime.format(at))") }
        let sorted = entries.sorted { $0.number.utf8.lexicographicallyPrecedes($1.number.utf8) }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.number == b.number { throw refuse("\(a.number) is listed twice") }
        for entry in sorted where entry.number.isEmpty || ISOTime.wholeSeconds(entry.at) < 0 { throw refuse("an entry has no number or a time before 1970") }
        let list = CBOR.array(sorted.map { .array([.text($0.number), .text($0.reason), .int(ISOTime.wholeSeconds($0.at))]) })
        return try SignedStatement.sign(kind: kind, [CBORPair(.int(1), .text(issuerCode)), CBORPair(.int(2), .int(ISOTime.wholeSeconds(at))),
                                                     CBORPair(.int(3), list)], key: key)
    }

    /// The list's issuer, time and entries after its signature checked out against `trust` by a key of that
    /// issuer valid at the list's time.
    public static func verify(_ bytes: [UInt8], trust: TrustList) throws -> (issuerCode: String, issuedAt: Date, entries: [RevocationEntry]) {
        func reject(_ reason: String, _ detail: String) -> RevocationListRejection { RevocationListRejection(reason, detail: detail) }
        let opened: (kid: KeyID, issuer: TrustedIssuer, key: TrustedKey, body: CBOR)
        do { opened = try SignedStatement.open(bytes, kind: kind, trust: trust, maxSize: maxSize) } catch {
            switch error {
            case .malformed(let detail): throw reject("revocations.malformed", detail)
            case .unknownKey(let kid): throw reject("revocations.unknown-key", "kid \(kid.hex)")
            case .badSignature(let kid): throw reject("revocations.bad-signature", "kid \(kid.hex)")
            }
        }
        let body = opened.body
        guard body.integerKeys?.sorted() == [0, 1, 2, 3], let code = body[1]?.textValue, let at = SignedStatement.instant(body, 2),
              case .array(let items)? = body[3] else {
            throw reject("revocations.malformed", "the statement's fields are not issuer, time and entries")
        }
        guard code == opened.issuer.code else { throw reject("revocations.issuer-mismatch", "\(code) signed by a key of \(opened.issuer.code)") }
        guard opened.key.isValid(at: at) else { throw reject("revocations.key-not-valid", "kid \(opened.kid.hex) at \(ISOTime.format(at))") }
        var entries: [RevocationEntry] = []
        entries.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard case .array(let fields) = item, fields.count == 3, let number = fields[0].textValue, !number.isEmpty,
                  let reason = fields[1].textValue, case .unsigned(let seconds) = fields[2], seconds <= CertificatePayload.maxSeconds else {
                throw reject("revocations.malformed", "entry \(index + 1) is not [number, reason, time]")
            }
            if let last = entries.last, !last.number.utf8.lexicographicallyPrecedes(number.utf8) {
                throw reject("revocations.malformed", "entry \(index + 1) is out of order or repeated")
            }
            entries.append(RevocationEntry(number: number, reason: reason, at: Date(timeIntervalSince1970: TimeInterval(seconds))))
        }
        return (code, at, entries)
    }
}
