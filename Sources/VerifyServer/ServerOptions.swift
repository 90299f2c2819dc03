import Credentials
import Foundation

/// How `kaowu serve` runs: where it listens, the trust list, lookup rate limiting, whether to believe a
/// proxy's `X-Forwarded-For`, the issuer keys that sign revocation lists, and the page's default language.
public struct ServerOptions: Sendable {
    public var host: String
    /// 0 picks a free port.
    public var port: Int
    public var trust: TrustList
    /// The trust list file's bytes as published at `/api/v1/trust`.
    public var trustJSON: [UInt8]
    /// Lookups a client may make per minute.
    public var lookupsPerMinute: Int
    /// The seconds `lookupsPerMinute` refill over (60).
    public var lookupWindow: Double = 60
    /// Take the client from the last `X-Forwarded-For` entry (behind a load balancer).
    public var trustProxy: Bool
    /// Issuer keys that sign `/api/v1/revocations` lists, by issuer code.
    public var revocationKeys: [String: IssuerKey]
    /// Where access-log lines go (one JSON object per line).
    public var accessLog: AccessLog

    public init(host: String = "127.0.0.1", port: Int = 8080, trust: TrustList, trustJSON: [UInt8], lookupsPerMinute: Int = 10, trustProxy: Bool = false,
                revocationKeys: [String: IssuerKey] = [:], accessLog: AccessLog = .standardError) {
        self.host = host
        self.port = port
        self.trust = trust
        self.trustJSON = trustJSON
        self.lookupsPerMinute = lookupsPerMinute
        self.trustProxy = trustProxy
        self.revocationKeys = revocationKeys
        self.accessLog = accessLog
    }
}
