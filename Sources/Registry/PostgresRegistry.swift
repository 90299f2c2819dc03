import Foundation
import Logging
import PostgresNIO
import Synchronization

/// The certificate registry on a PostgreSQL server, shared by many `kaowu serve` replicas and the
/// certificate commands: the same tables, migrations (`PostgresSchema`) and behaviour as `SQLiteRegistry`
/// in every method, errors included, with text ordered byte-wise (`COLLATE "C"`, as SQLite's).
///
/// Two ways in. The asynchronous `VerificationSource` methods (the verification service, thousands of
/// requests a second) lease a connection from a `PostgresClient` pool and ask in one round trip where they
/// can (a verification's facts are one prepared statement); a wait for the pool or an answer longer than
/// `requestTimeout` is `registry.unreachable`. The synchronous `CertificateRegistry` methods (the CLI)
/// use one connection of their own, one call at a time, bridged by `BlockingBridge` (never from a SwiftNIO
/// event-loop thread). Every write is one transaction holding an advisory lock, so writers take turns as on
/// SQLite. Every value is a bound parameter; the password is never printed, logged or put in an error.
public final class PostgresRegistry: CertificateRegistry, VerificationSource {
    public let location: PostgresLocation
    /// How long an asynchronous call waits for a connection and its answer.
    public let requestTimeout: Duration
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    /// The synchronous calls' connection (reopened when it was closed), held while a call runs.
    private let direct: Mutex<PostgresConnection?>

    static let logger = PostgresSchema.logger
    private static let connectionIDs = Atomic<Int>(1)

    /// The location as shown in messages (no password).
    public var path: String { location.display }

    /// Connects (failing at once when the server cannot be reached or refuses the login), checks the
    /// database and brings its schema up to date. `create`: an empty database gets the registry's tables
    /// (`registry.missing` otherwise). `maximumConnections` bounds the pool of the asynchronous calls.
    public static func open(_ location: PostgresLocation, create: Bool, maximumConnections: Int = 10,
                            requestTimeout: Duration = .seconds(10)) throws -> PostgresRegistry {
        let connection: PostgresConnection
        do {
            connection = try BlockingBridge.run { try await connect(location) }
        } catch {
            throw PostgresFailure.registryError(error, location: location, writing: false)
        }
        do {
            _ = try BlockingBridge.run { try await PostgresSchema.prepare(connection, create: create, location: location) }
        } catch {
            Self.close(connection)
            throw PostgresFailure.registryError(error, location: location, writing: true)
        }
        return PostgresRegistry(location: location, connection: connection, maximumConnections: maximumConnections, requestTimeout: requestTimeout)
    }

    private init(location: PostgresLocation, connection: PostgresConnection, maximumConnections: Int, requestTimeout: Duration) {
        self.location = location
        self.requestTimeout = requestTimeout
        let client = PostgresClient(configuration: location.clientConfiguration(maximumConnections: maximumConnections))
        self.client = client
        // The pool's own work (opening connections, keep-alives) on the bridge's queue, so that it goes on when
        // every cooperative thread is busy or blocked.
        runner = Task(executorPreference: BridgeExecutor.shared) { await client.run() }
        direct = Mutex(connection)
    }

    deinit {
        runner.cancel()
        direct.withLock { connection in
            if let open = connection { Self.close(open) }
            connection = nil
        }
    }

    /// Closes `connection` in the background, keeping it until it is closed (postgres-nio requires that).
    static func close(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in _ = connection }
    }

    static func connect(_ location: PostgresLocation) async throws -> PostgresConnection {
        try await PostgresConnection.connect(configuration: try location.connectionConfiguration(),
                                             id: connectionIDs.add(1, ordering: .relaxed).oldValue, logger: logger)
    }

    // MARK: - The two bridges

    /// Runs `body` on the synchronous calls' connection, waiting for it.
    private func blocking<T: Sendable>(writing: Bool = false, _ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws -> T {
        let location = location
        do {
            return try direct.withLock { connection throws -> T in
                if let stale = connection, stale.isClosed {
                    Self.close(stale)
                    connection = nil
                }
                if connection == nil {
                    connection = try BlockingBridge.run { try await Self.connect(location) }
                }
                guard let open = connection else { throw PostgresFailure.TimedOut(seconds: 0) }
                return try BlockingBridge.run { try await body(open) }
            }
        } catch {
            throw PostgresFailure.registryError(error, location: location, writing: writing)
        }
    }

    /// Runs `body` on a connection of the pool, within `requestTimeout` (child tasks, so the caller's executor
    /// preference is kept: the tests run on an executor of their own).
    private func pooled<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let client = client, timeout = requestTimeout
        do {
            return try await withThrowingTaskGroup(of: T.self) { group in
                group.addTask { try await client.withConnection { connection in try await body(connection) } }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw PostgresFailure.TimedOut(seconds: Double(timeout.components.seconds))
                }
                guard let first = try await group.next() else { throw CancellationError() }
                group.cancelAll()
                return first
            }
        } catch {
            throw PostgresFailure.registryError(error, location: location, writing: false)
        }
    }

    // MARK: - Reading (the same statements for both bridges)

    static func rows(_ connection: PostgresConnection, _ sql: String, _ values: [PostgresRows.Value] = []) async throws -> [PostgresRandomAccessRow] {
        try await connection.query(PostgresRows.query(sql, PostgresRows.binds(values)), logger: logger).collect().map { $0.makeRandomAccess() }
    }

    static func certificate(_ c: PostgresConnection, _ number: String) async throws -> IssuedCertificate? {
        try await c.execute(PostgresStatements.Certificate(number: number), logger: logger).first { _ in true }
            .map { try PostgresRows.certificate($0.makeRandomAccess()) }
    }

    static func files(_ c: PostgresConnection, _ number: String) async throws -> [IssuedFile] {
        try await rows(c, PostgresRows.select(RegistryRows.fileColumns, from: "files")
                       + #" WHERE number = $1 ORDER BY at COLLATE "C", batch_id COLLATE "C", path COLLATE "C""#, [.text(number)])
            .map(PostgresRows.file)
    }

    static func revocation(_ c: PostgresConnection, _ number: String) async throws -> StoredRevocation? {
        try await rows(c, PostgresRows.select(RegistryRows.revocationColumns, from: "revocations") + " WHERE number = $1", [.text(number)])
            .first.map { try PostgresRows.revocation($0) }
    }

    static func approvals(_ c: PostgresConnection, _ batchID: String) async throws -> [StoredApproval] {
        try await rows(c, PostgresRows.select(RegistryRows.approvalColumns, from: "approvals")
                       + #" WHERE batch_id = $1 ORDER BY signed_at COLLATE "C", role COLLATE "C", kid COLLATE "C""#, [.text(batchID)])
            .map(PostgresRows.approval)
    }

    static func newest(_ c: PostgresConnection, holderKey: String, certificateKey: String, current: Bool) async throws -> IssuedCertificate? {
        let sql = PostgresRows.select(RegistryRows.certificateColumns, from: "certificates", as: "c")
            + " WHERE c.holder_key = $1 AND c.certificate_key = $2"
            + (current ? " AND NOT EXISTS (SELECT 1 FROM revocations r WHERE r.number = c.number)" : "")
            + #" ORDER BY c.issued_at COLLATE "C" DESC, c.sequence DESC, c.number COLLATE "C" DESC LIMIT 1"#
        return try await rows(c, sql, [.text(holderKey), .text(certificateKey)]).first.map { try PostgresRows.certificate($0) }
    }

    static func highestSequence(_ c: PostgresConnection, _ prefix: String) async throws -> Int {
        guard let row = try await rows(c, "SELECT MAX(sequence) FROM certificates WHERE sequence_prefix = $1", [.text(prefix)]).first else { return 0 }
        let reader = PostgresRows.Reader(row: row, table: "certificates", columns: ["sequence"], offset: 0)
        guard let value = try reader.decode(0, as: Int64?.self) else { return 0 }
        guard let sequence = Int(exactly: value) else { throw reader.damage(0) }
        return sequence
    }

    static func revocations(_ c: PostgresConnection, _ issuerCode: String?) async throws -> [StoredRevocation] {
        let select = PostgresRows.select(RegistryRows.revocationColumns, from: "revocations", as: "r")
        let order = #" ORDER BY r.at COLLATE "C", r.number COLLATE "C""#
        if let issuerCode {
            return try await rows(c, select + " JOIN certificates c ON c.number = r.number WHERE c.issuer_code = $1" + order, [.text(issuerCode)])
                .map { try PostgresRows.revocation($0) }
        }
        return try await rows(c, select + order).map { try PostgresRows.revocation($0) }
    }

    static func certificates(_ c: PostgresConnection, _ issuerCode: String?) async throws -> [IssuedCertificate] {
        let select = PostgresRows.select(RegistryRows.certificateColumns, from: "certificates")
        let order = #" ORDER BY issuer_code COLLATE "C", sequence_prefix COLLATE "C", sequence, number COLLATE "C""#
        if let issuerCode {
            return try await rows(c, select + " WHERE issuer_code = $1" + order, [.text(issuerCode)]).map { try PostgresRows.certificate($0) }
        }
        return try await rows(c, select + order).map { try PostgresRows.certificate($0) }
    }

    static func batch(_ c: PostgresConnection, _ id: String) async throws -> BatchRecord? {
        try await rows(c, PostgresRows.select(RegistryRows.batchColumns, from: "batches") + " WHERE id = $1", [.text(id)]).first.map(PostgresRows.batch)
    }

    static func holdsIssuer(_ c: PostgresConnection, _ code: String) async throws -> Bool {
        try await !rows(c, "SELECT 1 FROM batches WHERE issuer_code = $1 LIMIT 1", [.text(code)]).isEmpty
    }

    static func photo(_ c: PostgresConnection, _ number: String) async throws -> [UInt8]? {
        try await c.execute(PostgresStatements.Photo(number: number), logger: logger).first { _ in true }
            .map { try PostgresRows.photo($0.makeRandomAccess()).image }
    }

    static func facts(_ c: PostgresConnection, _ number: String, _ issuerCode: String) async throws -> VerificationFacts {
        guard let row = try await c.execute(PostgresStatements.Facts(number: number, issuerCode: issuerCode), logger: logger).first(where: { _ in true }) else {
            throw RegistryRows.RowDamage(table: "batches", column: "issuer_code")
        }
        return try PostgresStatements.Facts.facts(row.makeRandomAccess())
    }

    static func ping(_ c: PostgresConnection) async throws {
        for try await _ in try await c.execute(PostgresStatements.Ping(), logger: logger) {}
    }

    // MARK: - CertificateRegistry (synchronous)

    public func certificate(number: String) throws -> IssuedCertificate? { try blocking { try await Self.certificate($0, number) } }
    public func files(number: String) throws -> [IssuedFile] { try blocking { try await Self.files($0, number) } }
    public func revocation(number: String) throws -> StoredRevocation? { try blocking { try await Self.revocation($0, number) } }
    public func approvals(batchID: String) throws -> [StoredApproval] { try blocking { try await Self.approvals($0, batchID) } }

    public func current(holderKey: String, certificateKey: String) throws -> IssuedCertificate? {
        try blocking { try await Self.newest($0, holderKey: holderKey, certificateKey: certificateKey, current: true) }
    }

    public func latest(holderKey: String, certificateKey: String) throws -> IssuedCertificate? {
        try blocking { try await Self.newest($0, holderKey: holderKey, certificateKey: certificateKey, current: false) }
    }

    public func highestSequence(prefix: String) throws -> Int { try blocking { try await Self.highestSequence($0, prefix) } }
    public func revocations(issuerCode: String?) throws -> [StoredRevocation] { try blocking { try await Self.revocations($0, issuerCode) } }
    public func certificates(issuerCode: String?) throws -> [IssuedCertificate] { try blocking { try await Self.certificates($0, issuerCode) } }
    public func batch(id: String) throws -> BatchRecord? { try blocking { try await Self.batch($0, id) } }
    public func holdsIssuer(_ code: String) throws -> Bool { try blocking { try await Self.holdsIssuer($0, code) } }
    public func photo(number: String) throws -> [UInt8]? { try blocking { try await Self.photo($0, number) } }
    public func facts(number: String, issuerCode: String) throws -> VerificationFacts { try blocking { try await Self.facts($0, number, issuerCode) } }
    public func ping() throws { try blocking { try await Self.ping($0) } }

    public func record(_ batch: BatchRecord, certificates: [IssuedCertificate], files: [IssuedFile], approvals: [StoredApproval],
                       revocations: [StoredRevocation], photos: [HolderPhoto]) throws {
        let location = location
        try blocking(writing: true) { c in
            try await Self.writing(c) {
                try await Self.record(c, location: location, batch, certificates: certificates, files: files, approvals: approvals,
                                      revocations: revocations, photos: photos)
            }
        }
    }

    public func revoke(number: String, reason: String, at: Date) throws -> StoredRevocation {
        let revocation = StoredRevocation(number: number, reason: reason, at: RegistryTime.normalised(at), replacedBy: nil)
        let location = location
        try blocking(writing: true) { c in
            try await Self.writing(c) { try await Self.insertRevocation(c, location: location, revocation) }
        }
        return revocation
    }

    // MARK: - VerificationSource (asynchronous, through the pool)

    public func facts(number: String, issuerCode: String) async throws -> VerificationFacts {
        try await pooled { try await Self.facts($0, number, issuerCode) }
    }

    public func certificate(number: String) async throws -> IssuedCertificate? {
        try await pooled { try await Self.certificate($0, number) }
    }

    public func photo(number: String) async throws -> [UInt8]? {
        try await pooled { try await Self.photo($0, number) }
    }

    public func revocations(issuerCode: String?) async throws -> [StoredRevocation] {
        try await pooled { try await Self.revocations($0, issuerCode) }
    }

    public func ping() async throws {
        try await pooled { try await Self.ping($0) }
    }

    // MARK: - Writing

    /// `body` in one transaction holding the write lock.
    static func writing<T>(_ c: PostgresConnection, _ body: () async throws -> T) async throws -> T {
        try await PostgresSchema.transaction(c) {
            _ = try await rows(c, "SELECT pg_advisory_xact_lock($1)", [.integer(PostgresSchema.writeLock)])
            return try await body()
        }
    }

    static func execute(_ c: PostgresConnection, _ sql: String, _ values: [PostgresRows.Value]) async throws {
        try await c.query(PostgresRows.query(sql, PostgresRows.binds(values)), logger: logger)
    }

    static func exists(_ c: PostgresConnection, certificate number: String) async throws -> Bool {
        try await !rows(c, "SELECT number FROM certificates WHERE number = $1", [.text(number)]).isEmpty
    }

    static func record(_ c: PostgresConnection, location: PostgresLocation, _ batch: BatchRecord, certificates: [IssuedCertificate], files: [IssuedFile],
                       approvals: [StoredApproval], revocations: [StoredRevocation], photos: [HolderPhoto]) async throws {
        func failure(_ reason: RegistryError.Reason) -> RegistryError { RegistryError(path: location.display, reason: reason) }
        try await execute(c, PostgresRows.insert(RegistryRows.batchColumns, into: "batches") + " ON CONFLICT (id) DO NOTHING", PostgresRows.values(batch))
        let insertCertificate = PostgresRows.insert(RegistryRows.certificateColumns, into: "certificates")
        for certificate in certificates {
            if try await exists(c, certificate: certificate.number) { throw failure(.numberTaken(certificate.number, by: nil)) }
            let holder = try await rows(c, "SELECT number FROM certificates WHERE issuer_code = $1 AND sequence_prefix = $2 AND sequence = $3",
                                        [.text(certificate.issuerCode), .text(certificate.sequencePrefix), .integer(Int64(certificate.sequence))])
            if let row = holder.first {
                throw failure(.numberTaken(certificate.number, by: try PostgresRows.Reader(row: row, table: "certificates", columns: ["number"], offset: 0).text(0)))
            }
            try await execute(c, insertCertificate, PostgresRows.values(certificate))
        }
        let insertFile = PostgresRows.insert(RegistryRows.fileColumns, into: "files")
            + " ON CONFLICT (number, batch_id, path) DO UPDATE SET sha256 = excluded.sha256, at = excluded.at"
        for file in files {
            guard try await exists(c, certificate: file.number) else { throw failure(.unknownNumber(file.number)) }
            try await execute(c, insertFile, PostgresRows.values(file))
        }
        let insertApproval = PostgresRows.insert(RegistryRows.approvalColumns, into: "approvals")
            + " ON CONFLICT (batch_id, role, kid) DO UPDATE SET issuer_code = excluded.issuer_code, signed_at = excluded.signed_at, cose = excluded.cose"
        for approval in approvals {
            try await execute(c, insertApproval, PostgresRows.values(approval))
        }
        for revocation in revocations {
            try await insertRevocation(c, location: location, revocation)
        }
        for photo in photos {
            guard try await exists(c, certificate: photo.number) else { throw failure(.unknownNumber(photo.number)) }
            try await execute(c, "INSERT INTO holder_photos (number, image) VALUES ($1, $2) ON CONFLICT (number) DO UPDATE SET image = excluded.image",
                              [.text(photo.number), .bytes(photo.image)])
        }
    }

    /// Records a revocation of a certificate in the registry that was not revoked before.
    static func insertRevocation(_ c: PostgresConnection, location: PostgresLocation, _ revocation: StoredRevocation) async throws {
        func failure(_ reason: RegistryError.Reason) -> RegistryError { RegistryError(path: location.display, reason: reason) }
        guard try await exists(c, certificate: revocation.number) else { throw failure(.unknownNumber(revocation.number)) }
        if let earlier = try await Self.revocation(c, revocation.number) { throw failure(.alreadyRevoked(earlier)) }
        if let replacement = revocation.replacedBy, try await !exists(c, certificate: replacement) { throw failure(.unknownNumber(replacement)) }
        try await execute(c, PostgresRows.insert(RegistryRows.revocationColumns, into: "revocations"), PostgresRows.values(revocation))
    }

    // MARK: - Every row (import and export)

    /// Every row of every table, in key order.
    public func snapshot() throws -> RegistrySnapshot {
        try blocking { c in
            try await PostgresSchema.transaction(c) {
                _ = try await Self.rows(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                return RegistrySnapshot(
                    batches: try await Self.rows(c, PostgresRows.select(RegistryRows.batchColumns, from: "batches") + #" ORDER BY id COLLATE "C""#)
                        .map(PostgresRows.batch),
                    certificates: try await Self.certificates(c, nil),
                    files: try await Self.rows(c, PostgresRows.select(RegistryRows.fileColumns, from: "files")
                                          + #" ORDER BY number COLLATE "C", batch_id COLLATE "C", path COLLATE "C""#).map(PostgresRows.file),
                    approvals: try await Self.rows(c, PostgresRows.select(RegistryRows.approvalColumns, from: "approvals")
                                              + #" ORDER BY batch_id COLLATE "C", role COLLATE "C", kid COLLATE "C""#).map(PostgresRows.approval),
                    revocations: try await Self.revocations(c, nil),
                    photos: try await Self.rows(c, #"SELECT number, image FROM holder_photos ORDER BY number COLLATE "C""#).map(PostgresRows.photo))
            }
        }
    }

    /// Copies the rows of `snapshot` that are not here yet, in one transaction: a row already here and
    /// identical is counted as present; a row whose key is here with other content is a conflict, and when
    /// there is any conflict nothing is written.
    public func importRows(_ snapshot: RegistrySnapshot) throws -> RegistryTransfer.ImportOutcome {
        try blocking(writing: true) { c in
            do {
                return try await Self.writing(c) {
                    let outcome = try await PostgresImport.copy(snapshot, into: c)
                    if !outcome.conflicts.isEmpty { throw PostgresImport.Refused(outcome: outcome) }
                    return outcome
                }
            } catch let refused as PostgresImport.Refused {
                return refused.outcome
            }
        }
    }
}
