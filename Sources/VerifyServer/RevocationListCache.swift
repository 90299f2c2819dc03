import Credentials
import Foundation
import Registry

/// Signed revocation lists for `/api/v1/revocations`, one per issuer whose key the service was given,
/// made from the registry's revocations and kept for `seconds` (a list is a few hundred bytes per entry;
/// signing it on every request would let anyone load the server).
actor RevocationListCache {
    static let seconds = 30

    private let keys: [String: IssuerKey]
    private let registry: any VerificationSource
    private var lists: [String: (bytes: [UInt8], made: Date)] = [:]

    init(keys: [String: IssuerKey], registry: any VerificationSource) {
        self.keys = keys
        self.registry = registry
    }

    /// The issuer's signed list, or nil when the service has no key of that issuer.
    func list(issuer: String) async throws -> [UInt8]? {
        guard let key = keys[issuer] else { return nil }
        let now = Date()
        if let cached = lists[issuer], now.timeIntervalSince(cached.made) < Double(Self.seconds) { return cached.bytes }
        let entries = try await registry.revocations(issuerCode: issuer).map { RevocationEntry(number: $0.number, reason: $0.reason, at: $0.at) }
        let bytes = try RevocationList.signed(entries, issuerCode: issuer, key: key, at: now)
        lists[issuer] = (bytes, now)
        return bytes
    }
}
