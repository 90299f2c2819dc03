import Foundation
import Synchronization

/// Per-client rate limiting of lookups (a lookup asks about a person): a token bucket per client that
/// holds `perMinute` lookups and refills continuously over `window` seconds (60; tests use longer ones so
/// a slow run cannot refill a bucket between two requests). At most `maxClients` buckets are kept; when full,
/// the buckets that are full again (idle clients) are dropped first, then the oldest.
public final class LookupLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Double
    }

    public let perMinute: Int
    public let window: Double
    public let maxClients: Int
    private let buckets = Mutex([String: Bucket]())

    public init(perMinute: Int, window: Double = 60, maxClients: Int = 100_000) {
        self.perMinute = max(1, perMinute)
        self.window = max(1, window)
        self.maxClients = max(16, maxClients)
    }

    /// Takes one lookup for `client` at `now` (seconds): nil when allowed, otherwise the seconds to wait.
    public func take(client: String, now: Double) -> Int? {
        let capacity = Double(perMinute), rate = capacity / window
        return buckets.withLock { buckets -> Int? in
            var bucket = buckets[client] ?? Bucket(tokens: capacity, updated: now)
            bucket.tokens = min(capacity, bucket.tokens + max(0, now - bucket.updated) * rate)
            bucket.updated = now
            guard bucket.tokens >= 1 else {
                buckets[client] = bucket
                return Int(((1 - bucket.tokens) / rate).rounded(.up))
            }
            bucket.tokens -= 1
            if buckets[client] == nil, buckets.count >= maxClients { Self.evict(&buckets, now: now, capacity: capacity, rate: rate) }
            buckets[client] = bucket
            return nil
        }
    }

    /// How many clients are tracked.
    public var clients: Int { buckets.withLock { $0.count } }

    private static func evict(_ buckets: inout [String: Bucket], now: Double, capacity: Double, rate: Double) {
        let refilled = buckets.filter { $0.value.tokens + (now - $0.value.updated) * rate >= capacity }.map(\.key)
        for key in refilled { buckets[key] = nil }
        if buckets.count >= 16, refilled.count < buckets.count / 4 {
            let oldest = buckets.sorted { $0.value.updated < $1.value.updated }.prefix(buckets.count / 4).map(\.key)
            for key in oldest { buckets[key] = nil }
        }
    }
}
