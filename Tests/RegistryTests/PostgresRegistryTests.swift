import Foundation
import Registry
import Support
import Synchronization
import Testing

/// What only a registry on a database server has to show: migrations by several replicas at once, a newer
/// or foreign database left unchanged, revocations seen by every replica, the service's asynchronous reads
/// equal to the synchronous ones and to SQLite's, and failures that never show the password.
@Suite(.enabled(if: PostgresTestServer.enabled, PostgresTestServer.skipNote))
struct PostgresRegistryTests {
    /// The tables of a database and its `registry_schema` rows, to see that nothing changed.
    func state(_ location: PostgresLocation) throws -> [[String?]] {
        var rows = try PostgresTestServer.rows(location, "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1")
        if rows.contains(["registry_schema"]) {
            rows += try PostgresTestServer.rows(location, "SELECT version, applied_at, kaowu FROM registry_schema ORDER BY version")
        }
        if rows.contains(["certificates"]) {
            rows += try PostgresTestServer.rows(location, "SELECT number, name, issued_at FROM certificates ORDER BY number")
        }
        return rows
    }

    @Test func replicasStartingAtOnceMigrateOnce() throws {
        let location = try PostgresTestServer.createDatabase()
        defer { PostgresTestServer.drop(location) }
        let failures = Mutex<[String]>([])
        let opened = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                let registry = try PostgresRegistry.open(location, create: true)
                try registry.ping()
                opened.withLock { $0 += 1 }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
        #expect(opened.withLock { $0 } == 4)
        let versions = try PostgresTestServer.rows(location, "SELECT version FROM registry_schema ORDER BY version")
        #expect(versions == RegistrySchema.steps.map { [String($0.version)] })
        let tables = try PostgresTestServer.rows(location, "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1")
        #expect(tables.compactMap(\.first) == ["approvals", "batches", "certificates", "files", "holder_photos", "registry_schema", "revocations"])
        let cose = try PostgresTestServer.rows(location, "SELECT data_type::text FROM information_schema.columns WHERE table_name = 'approvals' AND column_name = 'cose'")
        #expect(cose == [["bytea"]])
    }

    @Test func aDatabaseOfANewerSchemaIsRefusedUnchanged() throws {
        let location = try PostgresTestServer.createDatabase()
        defer { PostgresTestServer.drop(location) }
        do {
            let registry = try PostgresRegistry.open(location, create: true)
            let issue = Samples.issue("batch-1", count: 2)
            try registry.record(issue.batch, certificates: issue.certificates, files: issue.files, approvals: [], revocations: [])
        }
        try PostgresTestServer.execute(location, "INSERT INTO registry_schema (version, applied_at, kaowu) VALUES (7, '2030-01-01T00:00:00.000Z', '9.0.0')")
        let before = try state(location)
        for create in [true, false] {
            let error = #expect(throws: RegistryError.self) { _ = try PostgresRegistry.open(location, create: create) }
            #expect(error?.reason == .newerSchema(found: 7, known: RegistrySchema.version))
            #expect(error?.code == "registry.newer-schema")
        }
        #expect(try state(location) == before)
    }

    @Test func anotherProgramsDatabaseIsRefusedAndAnEmptyOneIsNotCreatedUnasked() throws {
        let location = try PostgresTestServer.createDatabase()
        defer { PostgresTestServer.drop(location) }
        let missing = #expect(throws: RegistryError.self) { _ = try RegistryLocation.postgres(location).openExisting() }
        #expect(missing?.reason == .noRegistry && missing?.code == "registry.missing")
        #expect(missing?.message(.zh).contains("kaowu registry migrate") == true)
        #expect(try state(location).isEmpty)

        try PostgresTestServer.execute(location, "CREATE TABLE notes (id BIGINT PRIMARY KEY, text TEXT)")
        let before = try state(location)
        for create in [true, false] {
            let error = #expect(throws: RegistryError.self) { _ = try PostgresRegistry.open(location, create: create) }
            #expect(error?.reason == .notARegistry && error?.code == "registry.unreadable")
            #expect(error?.message(.zh).contains("别的程序的表") == true, "\(String(describing: error))")
        }
        #expect(try state(location) == before)
    }

    @Test func aRevocationOnOneReplicaIsSeenByAnother() async throws {
        try await PostgresTestServer.unstarved {
            let location = try PostgresTestServer.createDatabase()
            defer { PostgresTestServer.drop(location) }
            let one = try PostgresRegistry.open(location, create: true), two = try PostgresRegistry.open(location, create: false)
            let issue = Samples.issue("batch-1", count: 3)
            try one.record(issue.batch, certificates: issue.certificates, files: issue.files, approvals: issue.approvals, revocations: [])
            let number = issue.certificates[1].number
            let before = try await two.facts(number: number, issuerCode: "SHPX")
            #expect(before.certificate == issue.certificates[1] && before.revocation == nil)
            let revoked = try one.revoke(number: number, reason: "证书信息有误", at: Samples.time(3_600))
            let after = try await two.facts(number: number, issuerCode: "SHPX")
            #expect(after.revocation == revoked)
            #expect(try await two.revocations(issuerCode: "SHPX") == [revoked])
            let twice = #expect(throws: RegistryError.self) { _ = try two.revoke(number: number, reason: "again", at: Samples.time(4_000)) }
            #expect(twice?.reason == .alreadyRevoked(revoked))
            try await two.ping()
        }
    }

    @Test func factsAreTheSameAsSQLitesForTheSameRows() async throws {
        try await PostgresTestServer.unstarved {
            let sqlite = try SQLiteRegistry(path: try Samples.registryPath())
            let location = try PostgresTestServer.createDatabase()
            defer { PostgresTestServer.drop(location) }
            let postgres = try PostgresRegistry.open(location, create: true)
            let synchronous: any CertificateRegistry = postgres
            // A batch with approvals signed in an order the keys do not sort in, a reprint, a reissue, a photo.
            var first = Samples.issue("batch-1", count: 4)
            first.approvals[0].signedAt = Samples.time(-10)
            let photo = HolderPhoto(number: first.certificates[0].number, image: [0xFF, 0xD8, 0x00, 0x01, 0xFF, 0xD9])
            let old = first.certificates[2]
            let new = Samples.certificate(5, person: Samples.people[2], batch: "batch-2", at: Samples.time(86_400), replaces: old.number)
            for registry in [sqlite, postgres] as [any CertificateRegistry] {
                try registry.record(first.batch, certificates: first.certificates, files: first.files, approvals: first.approvals, revocations: [], photos: [photo])
                try registry.record(Samples.batch("batch-2", count: 1, at: Samples.time(86_400)), certificates: [new],
                                    files: [Samples.file(new), Samples.file(first.certificates[0], batch: "batch-2", at: Samples.time(86_400))],
                                    approvals: [Samples.approval("batch-2", role: "评价组织")],
                                    revocations: [StoredRevocation(number: old.number, reason: "reissued", at: Samples.time(86_400), replacedBy: new.number)])
                _ = try registry.revoke(number: first.certificates[3].number, reason: "撤回", at: Samples.time(90_000))
            }
            let numbers = first.certificates.map(\.number) + [new.number, "SHPX2026999999"]
            for number in numbers {
                for issuer in ["SHPX", "SHPJ"] {
                    let expected = try sqlite.facts(number: number, issuerCode: issuer)
                    #expect(try synchronous.facts(number: number, issuerCode: issuer) == expected, "\(number) \(issuer)")
                    #expect(try await postgres.facts(number: number, issuerCode: issuer) == expected, "\(number) \(issuer)")
                }
                #expect(try await postgres.certificate(number: number) == sqlite.certificate(number: number))
                #expect(try await postgres.photo(number: number) == sqlite.photo(number: number))
                #expect(try postgres.files(number: number) == sqlite.files(number: number))
            }
            let facts = try await postgres.facts(number: first.certificates[0].number, issuerCode: "SHPX")
            #expect(facts.approvals.count == 2 && facts.fileHashes.count == 2 && facts.batchHash == first.batch.hash)
            #expect(try await postgres.photo(number: photo.number) == photo.image)
            #expect(try await postgres.revocations(issuerCode: nil) == sqlite.revocations(issuerCode: nil))
            #expect(try postgres.certificates(issuerCode: nil) == sqlite.certificates(issuerCode: nil))
            #expect(try postgres.snapshot() == sqlite.snapshot())
            #expect(try postgres.holdsIssuer("SHPX") && !postgres.holdsIssuer("SHPJ"))
            #expect(try postgres.latest(holderKey: old.holderKey, certificateKey: old.certificateKey) == new)
        }
    }

    @Test func aWrongPasswordOrAnUnreachableServerIsReportedWithoutThePassword() throws {
        let location = try PostgresTestServer.createDatabase()
        defer { PostgresTestServer.drop(location) }
        do {
            let registry = try PostgresRegistry.open(location, create: true)
            let issue = Samples.issue("batch-1", count: 2)
            try registry.record(issue.batch, certificates: issue.certificates, files: issue.files, approvals: [], revocations: [])
        }
        try PostgresTestServer.execute(location, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(PostgresTestServer.secretUser)")
        var secret = location
        secret.user = PostgresTestServer.secretUser
        secret.password = PostgresTestServer.secretPassword
        #expect(try PostgresRegistry.open(secret, create: false).certificates(issuerCode: nil).count == 2)

        let wrong = "Wrong-Pass-7f3a9"
        var refused = secret
        refused.password = wrong
        var closed = location
        closed.password = wrong
        closed.port = try Self.closedPort()
        let viaEnvironment = try RegistryLocation("postgres://\(secret.user)@\(secret.host):\(secret.port)/\(secret.database)", environment: ["PGPASSWORD": wrong])
        for (attempt, target) in [("wrong password", RegistryLocation.postgres(refused)), ("closed port", .postgres(closed)), ("PGPASSWORD", viaEnvironment)] {
            let error = #expect(throws: RegistryError.self, "\(attempt)") { _ = try target.openExisting() }
            #expect(error?.code == "registry.unreachable", "\(attempt): \(String(describing: error))")
            for text in [error?.message(.zh), error?.message(.en), error.map { "\($0)" }, error.map { String(reflecting: $0) }] {
                #expect(text?.contains(wrong) == false, "\(attempt): \(text ?? "")")
            }
        }
        let denied = #expect(throws: RegistryError.self) { _ = try RegistryLocation.postgres(refused).openExisting() }
        #expect(denied?.message(.en).contains("password authentication failed") == true, "\(String(describing: denied))")
    }

    @Test func damagedValuesAreReportedNotTrappedOn() throws {
        let location = try PostgresTestServer.createDatabase()
        defer { PostgresTestServer.drop(location) }
        let registry = try PostgresRegistry.open(location, create: true)
        let issue = Samples.issue("batch-1", count: 2)
        try registry.record(issue.batch, certificates: issue.certificates, files: issue.files, approvals: [], revocations: [])
        try PostgresTestServer.execute(location, "UPDATE certificates SET issued_at = 'yesterday' WHERE sequence = 1")
        let error = #expect(throws: RegistryError.self) { _ = try registry.certificates(issuerCode: nil) }
        #expect(error?.code == "registry.unreadable" && error?.message(.en).contains("certificates.issued_at") == true, "\(String(describing: error))")
        #expect(try registry.certificate(number: issue.certificates[1].number) == issue.certificates[1])
    }

    /// A loopback port nothing listens on.
    static func closedPort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// The service's path under load: many verifications at once through the pool, every answer right.
@Suite(.enabled(if: PostgresTestServer.enabled, PostgresTestServer.skipNote))
struct PostgresLoadTests {
    @Test func manyConcurrentFactsThroughThePool() async throws {
        try await PostgresTestServer.unstarved {
            let location = try PostgresTestServer.createDatabase()
            defer { PostgresTestServer.drop(location) }
            let registry = try PostgresRegistry.open(location, create: true, maximumConnections: 8)
            let issue = Samples.issue("batch-1", count: 50)
            try registry.record(issue.batch, certificates: issue.certificates, files: issue.files, approvals: issue.approvals, revocations: [])
            let requests = 4_000, inFlight = 64
            let clock = ContinuousClock(), start = clock.now
            let wrong = try await withThrowingTaskGroup(of: Bool.self) { group in
                var sent = 0, wrong = 0
                func send() {
                    let certificate = issue.certificates[sent % issue.certificates.count]
                    group.addTask { try await registry.facts(number: certificate.number, issuerCode: "SHPX").certificate != certificate }
                    sent += 1
                }
                while sent < inFlight { send() }
                while let isWrong = try await group.next() {
                    if isWrong { wrong += 1 }
                    if sent < requests { send() }
                }
                return wrong
            }
            let seconds = Double((clock.now - start).components.attoseconds) / 1e18 + Double((clock.now - start).components.seconds)
            print("PostgreSQL facts through the pool: \(requests) in \(String(format: "%.2f", seconds)) s, \(Int(Double(requests) / seconds))/s, \(inFlight) in flight")
            #expect(wrong == 0)
        }
    }
}
