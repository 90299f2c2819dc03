import Credentials
import Foundation
import Registry
import Testing
import VerifyServer

/// Lookup, trust list, revocation lists, health, limits and the access log, over real HTTP.
@Suite struct ServiceRouteTests {
    @Test(arguments: Backend.available) func lookupAnswersOnlyAnExactMatchAndMissesLookAlike(_ backend: Backend) async throws {
        let f = try await ServerFixture(backend: backend)
        let code = try f.issue(name: "周九", id: "11010519491231002X")
        let number = try CertificateCode.decode(code).payload.number
        try await f.start(lookupsPerMinute: 100)
        defer { Task { try await f.stop() } }
        let json = "application/json"
        // Hits: the ID number as people write it (lower-case x, spaces), or the exact name.
        for body in ["{\"number\":\"\(number)\",\"id\":\"110105 19491231 002x\"}", "{\"number\":\" \(number) \",\"name\":\"周九\"}"] {
            let hit = try await f.post("/api/v1/lookup", body: body, type: json)
            #expect(hit.status == 200 && hit.body.contains("\"found\":true") && hit.body.contains("\"status\" : \"genuine\""), "\(hit.body)")
        }
        let form = try await f.post("/lookup", body: "number=\(number)&id=11010519491231002X", type: "application/x-www-form-urlencoded")
        #expect(form.body.contains("真实有效") && form.body.contains("周九"))
        // Misses: unknown number, wrong ID, wrong name — the same status and the same bytes.
        var misses: [ServerFixture.Reply] = []
        for body in ["{\"number\":\"SFZX2026999999\",\"id\":\"11010519491231002X\"}", "{\"number\":\"\(number)\",\"id\":\"110105194912310038\"}",
                     "{\"number\":\"\(number)\",\"name\":\"周十\"}", "{\"number\":\"SFZX2026999999\",\"name\":\"周九\"}"] {
            misses.append(try await f.post("/api/v1/lookup", body: body, type: json))
        }
        #expect(Set(misses.map(\.bytes)).count == 1 && misses.allSatisfy { $0.status == 200 })
        #expect(misses[0].body == "{\"found\":false}\n")
        var pages: [ServerFixture.Reply] = []
        for body in ["number=SFZX2026999999&id=11010519491231002X", "number=\(number)&id=110105194912310038"] {
            pages.append(try await f.post("/lookup", body: body, type: "application/x-www-form-urlencoded"))
        }
        #expect(pages[0].bytes == pages[1].bytes && pages[0].body.contains("未查到匹配的证书"))
        #expect(!pages[1].body.contains("110105194912310038"), "the ID number asked about is not echoed")
    }

    @Test func lookupsAreRateLimitedPerClient() async throws {
        let f = try await ServerFixture()
        // 3 lookups refilled over an hour: however slow this run is, no token comes back between requests.
        try await f.start(lookupsPerMinute: 3, lookupWindow: 3600)
        defer { Task { try await f.stop() } }
        var statuses: [Int] = []
        for _ in 0..<5 {
            statuses.append(try await f.post("/api/v1/lookup", body: "{\"number\":\"X\",\"id\":\"1\"}", type: "application/json").status)
        }
        #expect(statuses == [200, 200, 200, 429, 429])
        let limited = try await f.post("/api/v1/lookup", body: "{\"number\":\"X\",\"id\":\"1\"}", type: "application/json")
        #expect(Int(limited.headers.first(name: "Retry-After") ?? "") ?? 0 >= 1)
        // Verification by code is not a lookup: it is not limited.
        #expect(try await f.get("/1/AAAA").status == 200)
    }

    @Test func trustRevocationsHealthAndLimits() async throws {
        let f = try await ServerFixture()
        let code = try f.issue()
        let number = try CertificateCode.decode(code).payload.number
        _ = try f.registry.revoke(number: number, reason: "违规取得", at: Date())
        try await f.start()
        defer { Task { try await f.stop() } }
        let trust = try await f.get("/api/v1/trust")
        let trustFile = [UInt8](try Data(contentsOf: URL(fileURLWithPath: f.trustPath)))
        #expect(trust.status == 200 && trust.bytes == trustFile)
        let list = try await f.get("/api/v1/revocations?issuer=SFZX")
        #expect(list.status == 200)
        let verified = try RevocationList.verify(list.bytes, trust: f.trust)
        #expect(verified.issuerCode == "SFZX" && verified.entries.map(\.number) == [number] && verified.entries[0].reason == "违规取得")
        #expect(try await f.get("/api/v1/revocations?issuer=NOPE").status == 404)
        let health = try await f.get("/healthz")
        #expect(health.status == 200 && health.body == "ok\n")
        let missing = try await f.get("/no/such/page")
        #expect(missing.status == 404 && missing.headers.first(name: "X-Frame-Options") == "DENY")
        let big = try await f.post("/api/v1/lookup", body: "{\"number\":\"" + String(repeating: "9", count: 20_000) + "\"}", type: "application/json")
        #expect(big.status == 413 && big.headers.first(name: "Content-Security-Policy") != nil)
        let form = try await f.get("/")
        #expect(form.status == 200 && form.body.contains("<form method=\"post\" action=\"/lookup"))
    }

    @Test func theAccessLogNamesRoutesNeverCodesOrIDNumbers() async throws {
        let f = try await ServerFixture()
        let id = "11010519491231002X"
        let code = try f.issue(name: "吴十", id: id)
        let number = try CertificateCode.decode(code).payload.number
        try await f.start(lookupsPerMinute: 100)
        _ = try await f.get(ServerFixture.path(of: code) + "?lang=en")
        _ = try await f.get("/api/v1/verify/" + code.components(separatedBy: "/1/")[1])
        _ = try await f.post("/api/v1/lookup", body: "{\"number\":\"\(number)\",\"id\":\"\(id)\"}", type: "application/json")
        _ = try await f.post("/lookup", body: "number=\(number)&id=\(id)", type: "application/x-www-form-urlencoded")
        _ = try await f.get("/1/" + id)
        try await f.stop()
        let lines = f.log.collected
        #expect(lines.count == 5)
        let base32 = code.components(separatedBy: "/1/")[1]
        for line in lines {
            #expect(!line.contains(id) && !line.contains(String(id.prefix(14))) && !line.contains(base32.prefix(16)) && !line.contains("吴十"), "\(line)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["status"] is Int && object["ms"] is Double && object["client"] as? String == "127.0.0.1")
        }
        #expect(lines.contains { $0.contains("\"route\":\"/1/{code}\"") } && lines.contains { $0.contains("\"route\":\"/api/v1/lookup\"") })
    }
}

/// The limiter alone, on a clock the test sets.
@Suite struct LookupLimiterTests {
    @Test func aBucketRefillsOverItsWindowAndIdleClientsAreForgotten() {
        let limiter = LookupLimiter(perMinute: 2, window: 60, maxClients: 16)
        #expect(limiter.take(client: "a", now: 0) == nil && limiter.take(client: "a", now: 0) == nil)
        #expect(limiter.take(client: "a", now: 1) == 29)
        #expect(limiter.take(client: "b", now: 1) == nil, "another client has its own bucket")
        #expect(limiter.take(client: "a", now: 30) == nil, "one lookup back after half the window")
        for k in 0..<40 { _ = limiter.take(client: "c\(k)", now: 100 + Double(k)) }
        #expect(limiter.clients <= 16)
    }
}

/// A registry that cannot be read (a database server down).
struct UnreachableRegistry: VerificationSource {
    struct Down: Error, CustomStringConvertible { var description: String { "connection refused to postgres://verify:s3cret@db/registry" } }
    func facts(number: String, issuerCode: String) async throws -> VerificationFacts { throw Down() }
    func certificate(number: String) async throws -> IssuedCertificate? { throw Down() }
    func photo(number: String) async throws -> [UInt8]? { throw Down() }
    func revocations(issuerCode: String?) async throws -> [StoredRevocation] { throw Down() }
    func ping() async throws { throw Down() }
}

@Suite struct UnreachableRegistryTests {
    @Test func aRegistryThatCannotBeReadIsUnverifiedNeverGenuineAndSaysNothingOfItself() async throws {
        let f = try await ServerFixture()
        let code = try f.issue(name: "冯十二")
        try await f.start(lookupsPerMinute: 100, source: UnreachableRegistry())
        defer { Task { try await f.stop() } }
        let page = try await f.get(ServerFixture.path(of: code))
        #expect(page.status == 503 && page.body.contains("暂时无法核验") && !page.body.contains("真实有效"))
        let json = try await f.get("/api/v1/verify/" + code.components(separatedBy: "/1/")[1])
        #expect(json.status == 503 && json.body.contains("\"status\" : \"unverified\"") && json.body.contains("verify.registry-unavailable"))
        #expect(!json.body.contains("s3cret") && !json.body.contains("postgres://"), "the registry's error stays in the server")
        #expect(try await f.get("/healthz").status == 503)
        // A lookup whose registry is down is a miss like any other: it reveals nothing.
        let lookup = try await f.post("/api/v1/lookup", body: "{\"number\":\"SFZX2026000001\",\"name\":\"冯十二\"}", type: "application/json")
        #expect(lookup.status == 200 && lookup.body == "{\"found\":false}\n")
    }
}
