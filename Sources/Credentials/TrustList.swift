import Foundation

/// `trust.json`: the published list of issuers and their public keys that a verifier needs offline. It
/// holds no private data. Decoding checks every entry (version 1, issuer codes, ES256 keys whose kid is
/// the one of their public key, certificates for that key, validity) and that no kid or code appears twice,
/// so a list in memory is always a consistent one.
///
/// ```json
/// {"version":1,"issuers":[{"name":"上海市培训协会","code":"SHPX","role":null,"verify-url":"https://v.shpx.org.cn",
///   "keys":[{"kid":"hex16","alg":"ES256","public-key":"base64 DER SPKI","certificate":"base64 DER X.509",
///            "not-before":"2026-12-04T00:00:00Z","not-after":"2036-12-04T00:00:00Z"}]}]}
/// ```
public struct TrustList: Sendable, Codable, Equatable {
    /// Format version (1); a newer one is refused rather than half understood.
    public private(set) var version: Int
    public private(set) var issuers: [TrustedIssuer]

    /// An empty list.
    public init() {
        version = 1
        issuers = []
    }

    /// A list of `issuers` (checked as decoding would check them).
    public init(issuers: [TrustedIssuer]) throws {
        let bytes = try JSONEncoder().encode(Self.Unchecked(version: 1, issuers: issuers))
        self = try JSONDecoder().decode(TrustList.self, from: bytes)
    }

    /// Reads and checks `trust.json` at `path`.
    public static func load(path: String) throws -> TrustList {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw TrustListError.unreadable(file: path, reason: error.localizedDescription)
        }
        guard data.count <= 16 << 20 else { throw TrustListError.invalid(file: path, detail: "larger than 16 MB") }
        return try parse(data, file: path)
    }

    /// Reads and checks a trust list from JSON bytes (`file` names them in errors).
    public static func parse(_ data: Data, file: String) throws -> TrustList {
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let version = object["version"] as? Int, version > 1 {
            throw TrustListError.newerVersion(file: file, version: version)
        }
        do { return try JSONDecoder().decode(TrustList.self, from: data) } catch let error as DecodingError {
            throw TrustListError.invalid(file: file, detail: Self.describe(error))
        } catch {
            throw TrustListError.invalid(file: file, detail: "\(error)")
        }
    }

    /// The issuer and key with `kid`, if the list has it.
    public func key(for kid: KeyID) -> (issuer: TrustedIssuer, key: TrustedKey)? {
        for issuer in issuers {
            if let key = issuer.keys.first(where: { $0.kid == kid }) { return (issuer, key) }
        }
        return nil
    }

    /// The issuer with `code`.
    public func issuer(code: String) -> TrustedIssuer? { issuers.first { $0.code == code } }

    /// Adds what `other` publishes that this list lacks: issuers with new codes and new keys of known
    /// issuers (their old keys stay). What this list already says wins: a kid it already has is never
    /// moved to another issuer, and an issuer's name, role and address are only filled in where missing.
    public mutating func merge(_ other: TrustList) {
        for incoming in other.issuers {
            let fresh = incoming.keys.filter { key(for: $0.kid) == nil }
            if let index = issuers.firstIndex(where: { $0.code == incoming.code }) {
                issuers[index].keys += fresh
                if issuers[index].verifyURL == nil { issuers[index].verifyURL = incoming.verifyURL }
                if issuers[index].role == nil { issuers[index].role = incoming.role }
            } else if !fresh.isEmpty {
                var added = incoming
                added.keys = fresh
                issuers.append(added)
            }
        }
    }

    /// Adds `key` to the issuer with `issuer`'s code (adding the issuer when new).
    mutating func add(_ key: TrustedKey, to issuer: TrustedIssuer) {
        if let index = issuers.firstIndex(where: { $0.code == issuer.code }) {
            issuers[index].keys.append(key)
            if let url = issuer.verifyURL { issuers[index].verifyURL = url }
        } else {
            var added = issuer
            added.keys = [key]
            issuers.append(added)
        }
    }

    /// Replaces the key with `key`'s kid (a CA-issued certificate installed for it).
    mutating func replace(_ key: TrustedKey) {
        for i in issuers.indices {
            if let k = issuers[i].keys.firstIndex(where: { $0.kid == key.kid }) { issuers[i].keys[k] = key }
        }
    }

    /// The list as `trust.json` writes it: pretty, keys sorted, so the same list gives the same bytes.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    enum CodingKeys: String, CodingKey { case version, issuers }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        guard version == 1 else { throw DecodingError.dataCorruptedError(forKey: .version, in: c, debugDescription: "version \(version) is not 1") }
        issuers = try c.decode([TrustedIssuer].self, forKey: .issuers)
        var codes = Set<String>(), kids = Set<KeyID>()
        for issuer in issuers {
            guard codes.insert(issuer.code).inserted else {
                throw DecodingError.dataCorruptedError(forKey: .issuers, in: c, debugDescription: "the issuer code \(issuer.code) appears twice")
            }
            for key in issuer.keys where !kids.insert(key.kid).inserted {
                throw DecodingError.dataCorruptedError(forKey: .issuers, in: c, debugDescription: "the kid \(key.kid.hex) appears twice")
            }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encode(issuers, forKey: .issuers)
    }

    /// What `init(issuers:)` encodes before checking.
    private struct Unchecked: Encodable {
        let version: Int
        let issuers: [TrustedIssuer]
    }

    /// A decoding error as `issuers[0].keys[1].kid: why`.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .dataCorrupted(let context): return [path(context.codingPath), context.debugDescription].filter { !$0.isEmpty }.joined(separator: ": ")
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])): missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
