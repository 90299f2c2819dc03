import Foundation
import GRDB
import Support

/// The certificate registry in one SQLite file (default `证书库.sqlite`), through GRDB: WAL (readers never
/// wait for the writer and a killed writer leaves the last committed state), foreign keys on, a busy
/// timeout for a second writer, the schema applied by `RegistrySchema`'s numbered steps.
/// A file that is not a kaowu registry, or one written by a newer kaowu, is refused before anything in it
/// is changed.
public final class SQLiteRegistry: CertificateRegistry, VerificationSource {
    /// The registry file as given.
    public let path: String
    private let pool: DatabasePool

    /// How long a writer waits for another one before giving up.
    static let busyTimeout: TimeInterval = 30

    /// Opens the registry at `path`, creating it when there is no file (the folder must exist) and
    /// bringing an older schema up to date.
    public convenience init(path: String) throws {
        try self.init(path: path, create: true)
    }

    /// Opens the registry at `path`; `registry.missing` when there is none (nothing is created).
    public static func openExisting(path: String) throws -> SQLiteRegistry {
        try SQLiteRegistry(path: path, create: false)
    }

    private init(path: String, create: Bool) throws {
        self.path = path
        func fail(_ reason: RegistryError.Reason) -> RegistryError { RegistryError(path: path, reason: reason) }
        switch FilePath.kind(of: path) {
        case .missing:
            guard create else { throw fail(.missing) }
        case .folder, .special:
            throw fail(.notAFile)
        case .regular:
            if try !Self.inspect(path) && !create { throw fail(.notARegistry) }
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "kaowu registry"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try RegistrySchema.migrator.migrate(pool)
        } catch {
            throw Self.registryError(error, path: path, writing: true)
        }
    }

    /// Looks into an existing file without changing it: true for a kaowu registry this kaowu can use, false
    /// for an empty database (no tables); throws for anything else.
    private static func inspect(_ path: String) throws -> Bool {
        func fail(_ reason: RegistryError.Reason) -> RegistryError { RegistryError(path: path, reason: reason) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                let tables = try Row.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                    .compactMap { row -> String? in if case .string(let name) = row.databaseValues.first?.storage { return name }; return nil }
                if tables.isEmpty { return false }
                guard tables.contains("registry_schema") else { throw fail(.notARegistry) }
                let known = RegistrySchema.version
                var found = 0
                for row in try Row.fetchAll(db, sql: "SELECT version FROM registry_schema") {
                    guard case .int64(let version) = row.databaseValues.first?.storage else { throw fail(.unreadable("registry_schema.version")) }
                    found = max(found, Int(clamping: version))
                }
                if tables.contains("grdb_migrations") {
                    for identifier in try RegistrySchema.migrator.appliedIdentifiers(db) {
                        found = max(found, identifier.hasPrefix("v") ? Int(identifier.dropFirst()) ?? known + 1 : known + 1)
                    }
                }
                if found > known { throw fail(.newerSchema(found: found, known: known)) }
                return true
            }
        } catch {
            throw registryError(error, path: path, writing: false)
        }
    }

    // MARK: - Reading

    public func certificate(number: String) throws -> IssuedCertificate? {
        try reading { db in
            try Row.fetchOne(db, sql: RegistryRows.select(RegistryRows.certificateColumns, from: "certificates") + " WHERE number = ?",
                             arguments: [number]).map(RegistryRows.certificate)
        }
    }

    public func files(number: String) throws -> [IssuedFile] {
        try reading { db in
            try Row.fetchAll(db, sql: RegistryRows.select(RegistryRows.fileColumns, from: "files") + " WHERE number = ? ORDER BY at, batch_id, path",
                             arguments: [number]).map(RegistryRows.file)
        }
    }

    public func revocation(number: String) throws -> StoredRevocation? {
        try reading { db in
            try Row.fetchOne(db, sql: RegistryRows.select(RegistryRows.revocationColumns, from: "revocations") + " WHERE number = ?",
                             arguments: [number]).map(RegistryRows.revocation)
        }
    }

    public func approvals(batchID: String) throws -> [StoredApproval] {
        try reading { db in
            try Row.fetchAll(db, sql: RegistryRows.select(RegistryRows.approvalColumns, from: "approvals") + " WHERE batch_id = ? ORDER BY signed_at, role, kid",
                             arguments: [batchID]).map(RegistryRows.approval)
        }
    }

    public func current(holderKey: String, certificateKey: String) throws -> IssuedCertificate? {
        try reading { db in
            let sql = RegistryRows.select(RegistryRows.certificateColumns, from: "certificates", as: "c")
                + " WHERE c.holder_key = ? AND c.certificate_key = ? AND NOT EXISTS (SELECT 1 FROM revocations r WHERE r.number = c.number)"
                + " ORDER BY c.issued_at DESC, c.sequence DESC, c.number DESC LIMIT 1"
            return try Row.fetchOne(db, sql: sql, arguments: [holderKey, certificateKey]).map(RegistryRows.certificate)
        }
    }

    public func latest(holderKey: String, certificateKey: String) throws -> IssuedCertificate? {
        try reading { db in
            let sql = RegistryRows.select(RegistryRows.certificateColumns, from: "certificates", as: "c")
                + " WHERE c.holder_key = ? AND c.certificate_key = ?"
                + " ORDER BY c.issued_at DESC, c.sequence DESC, c.number DESC LIMIT 1"
            return try Row.fetchOne(db, sql: sql, arguments: [holderKey, certificateKey]).map(RegistryRows.certificate)
        }
    }

    public func highestSequence(prefix: String) throws -> Int {
        try reading { db in
            let row = try Row.fetchOne(db, sql: "SELECT MAX(sequence) FROM certificates WHERE sequence_prefix = ?", arguments: [prefix])
            guard let value = row?.databaseValues.first, !value.isNull else { return 0 }
            guard case .int64(let n) = value.storage, let sequence = Int(exactly: n) else {
                throw RegistryRows.RowDamage(table: "certificates", column: "sequence")
            }
            return sequence
        }
    }

    public func revocations(issuerCode: String?) throws -> [StoredRevocation] {
        try reading { db in
            let select = RegistryRows.select(RegistryRows.revocationColumns, from: "revocations", as: "r")
            let rows: [Row]
            if let issuerCode {
                rows = try Row.fetchAll(db, sql: select + " JOIN certificates c ON c.number = r.number WHERE c.issuer_code = ? ORDER BY r.at, r.number",
                                        arguments: [issuerCode])
            } else {
                rows = try Row.fetchAll(db, sql: select + " ORDER BY r.at, r.number")
            }
            return try rows.map(RegistryRows.revocation)
        }
    }

    public func certificates(issuerCode: String?) throws -> [IssuedCertificate] {
        try reading { db in
            let select = RegistryRows.select(RegistryRows.certificateColumns, from: "certificates")
            let order = " ORDER BY issuer_code, sequence_prefix, sequence, number"
            let rows: [Row]
            if let issuerCode {
                rows = try Row.fetchAll(db, sql: select + " WHERE issuer_code = ?" + order, arguments: [issuerCode])
            } else {
                rows = try Row.fetchAll(db, sql: select + order)
            }
            return try rows.map(RegistryRows.certificate)
        }
    }

    public func batch(id: String) throws -> BatchRecord? {
        try reading { db in
            try Row.fetchOne(db, sql: RegistryRows.select(RegistryRows.batchColumns, from: "batches") + " WHERE id = ?", arguments: [id])
                .map(RegistryRows.batch)
        }
    }

    public func holdsIssuer(_ code: String) throws -> Bool {
        try reading { db in
            try Row.fetchOne(db, sql: "SELECT 1 FROM batches WHERE issuer_code = ? LIMIT 1", arguments: [code]) != nil
        }
    }

    public func photo(number: String) throws -> [UInt8]? {
        try reading { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT image FROM holder_photos WHERE number = ?", arguments: [number]) else { return nil }
            guard case .blob(let data) = row.databaseValues.first?.storage else { throw RegistryRows.RowDamage(table: "holder_photos", column: "image") }
            return [UInt8](data)
        }
    }

    public func facts(number: String, issuerCode: String) throws -> VerificationFacts {
        // One read; the statements prepared once per connection (the service asks this thousands of times a second).
        try reading { db in
            guard try Row.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM batches WHERE issuer_code = ? LIMIT 1"), arguments: [issuerCode]) != nil else {
                return .foreignIssuer
            }
            let certificateSQL = RegistryRows.select(RegistryRows.certificateColumns, from: "certificates") + " WHERE number = ?"
            guard let certificate = try Row.fetchOne(db.cachedStatement(sql: certificateSQL), arguments: [number]).map(RegistryRows.certificate) else {
                return VerificationFacts(holdsIssuer: true, certificate: nil, revocation: nil, batchHash: nil, approvals: [], fileHashes: [])
            }
            let revocationSQL = RegistryRows.select(RegistryRows.revocationColumns, from: "revocations") + " WHERE number = ?"
            let revocation = try Row.fetchOne(db.cachedStatement(sql: revocationSQL), arguments: [number]).map(RegistryRows.revocation)
            let batch = try Row.fetchOne(db.cachedStatement(sql: RegistryRows.select(RegistryRows.batchColumns, from: "batches") + " WHERE id = ?"),
                                         arguments: [certificate.batchID]).map(RegistryRows.batch)
            let approvalSQL = RegistryRows.select(RegistryRows.approvalColumns, from: "approvals") + " WHERE batch_id = ? ORDER BY signed_at, role, kid"
            let approvals = try Row.fetchAll(db.cachedStatement(sql: approvalSQL), arguments: [certificate.batchID]).map(RegistryRows.approval)
            let fileSQL = "SELECT sha256 FROM files WHERE number = ? ORDER BY at, batch_id, path"
            let files = try String.fetchAll(db.cachedStatement(sql: fileSQL), arguments: [number])
            return VerificationFacts(holdsIssuer: true, certificate: certificate, revocation: revocation, batchHash: batch?.hash, approvals: approvals,
                                     fileHashes: files)
        }
    }

    public func ping() throws {
        _ = try reading { db in try Row.fetchOne(db, sql: "SELECT 1") }
    }

    // MARK: - Writing

    public func record(_ batch: BatchRecord, certificates: [IssuedCertificate], files: [IssuedFile], approvals: [StoredApproval],
                       revocations: [StoredRevocation], photos: [HolderPhoto]) throws {
        try writing { db in
            try db.execute(sql: RegistryRows.insert(RegistryRows.batchColumns, into: "batches") + " ON CONFLICT (id) DO NOTHING",
                           arguments: RegistryRows.arguments(batch))
            let issued = try db.cachedStatement(sql: "SELECT number FROM certificates WHERE number = ?")
            let sequenceHolder = try db.cachedStatement(sql: "SELECT number FROM certificates WHERE issuer_code = ? AND sequence_prefix = ? AND sequence = ?")
            let insertCertificate = try db.cachedStatement(sql: RegistryRows.insert(RegistryRows.certificateColumns, into: "certificates"))
            for certificate in certificates {
                if try Row.fetchOne(issued, arguments: [certificate.number]) != nil { throw failure(.numberTaken(certificate.number, by: nil)) }
                if let row = try Row.fetchOne(sequenceHolder, arguments: [certificate.issuerCode, certificate.sequencePrefix, Int64(certificate.sequence)]) {
                    let holder = try RegistryRows.Reader(row: row, table: "certificates").text(0)
                    throw failure(.numberTaken(certificate.number, by: holder))
                }
                try insertCertificate.execute(arguments: RegistryRows.arguments(certificate))
            }
            let insertFile = try db.cachedStatement(sql: RegistryRows.insert(RegistryRows.fileColumns, into: "files")
                + " ON CONFLICT (number, batch_id, path) DO UPDATE SET sha256 = excluded.sha256, at = excluded.at")
            for file in files {
                guard try Row.fetchOne(issued, arguments: [file.number]) != nil else { throw failure(.unknownNumber(file.number)) }
                try insertFile.execute(arguments: RegistryRows.arguments(file))
            }
            let insertApproval = try db.cachedStatement(sql: RegistryRows.insert(RegistryRows.approvalColumns, into: "approvals")
                + " ON CONFLICT (batch_id, role, kid) DO UPDATE SET issuer_code = excluded.issuer_code, signed_at = excluded.signed_at, cose = excluded.cose")
            for approval in approvals {
                try insertApproval.execute(arguments: RegistryRows.arguments(approval))
            }
            for revocation in revocations {
                try insertRevocation(revocation, db)
            }
            let insertPhoto = try db.cachedStatement(sql: "INSERT INTO holder_photos (number, image) VALUES (?, ?)"
                + " ON CONFLICT (number) DO UPDATE SET image = excluded.image")
            for photo in photos {
                guard try Row.fetchOne(issued, arguments: [photo.number]) != nil else { throw failure(.unknownNumber(photo.number)) }
                try insertPhoto.execute(arguments: [photo.number, Data(photo.image)])
            }
        }
    }

    public func revoke(number: String, reason: String, at: Date) throws -> StoredRevocation {
        let revocation = StoredRevocation(number: number, reason: reason, at: RegistryTime.normalised(at), replacedBy: nil)
        try writing { db in try insertRevocation(revocation, db) }
        return revocation
    }

    /// Records a revocation of a certificate in the registry that was not revoked before.
    private func insertRevocation(_ revocation: StoredRevocation, _ db: Database) throws {
        guard try Row.fetchOne(db, sql: "SELECT number FROM certificates WHERE number = ?", arguments: [revocation.number]) != nil else {
            throw failure(.unknownNumber(revocation.number))
        }
        if let row = try Row.fetchOne(db, sql: RegistryRows.select(RegistryRows.revocationColumns, from: "revocations") + " WHERE number = ?",
                                      arguments: [revocation.number]) {
            throw failure(.alreadyRevoked(try RegistryRows.revocation(row)))
        }
        if let replacement = revocation.replacedBy,
           try Row.fetchOne(db, sql: "SELECT number FROM certificates WHERE number = ?", arguments: [replacement]) == nil {
            throw failure(.unknownNumber(replacement))
        }
        try db.execute(sql: RegistryRows.insert(RegistryRows.revocationColumns, into: "revocations"), arguments: RegistryRows.arguments(revocation))
    }

    // MARK: - Every row (import and export)

    /// Every row of every table, in key order, read in one transaction.
    public func snapshot() throws -> RegistrySnapshot {
        try reading { db in
            func all<T>(_ sql: String, _ decode: (Row) throws -> T) throws -> [T] { try Row.fetchAll(db, sql: sql).map(decode) }
            return RegistrySnapshot(
                batches: try all(RegistryRows.select(RegistryRows.batchColumns, from: "batches") + " ORDER BY id", RegistryRows.batch),
                certificates: try all(RegistryRows.select(RegistryRows.certificateColumns, from: "certificates")
                                      + " ORDER BY issuer_code, sequence_prefix, sequence, number", RegistryRows.certificate),
                files: try all(RegistryRows.select(RegistryRows.fileColumns, from: "files") + " ORDER BY number, batch_id, path", RegistryRows.file),
                approvals: try all(RegistryRows.select(RegistryRows.approvalColumns, from: "approvals") + " ORDER BY batch_id, role, kid", RegistryRows.approval),
                revocations: try all(RegistryRows.select(RegistryRows.revocationColumns, from: "revocations") + " ORDER BY at, number", RegistryRows.revocation),
                photos: try all("SELECT number, image FROM holder_photos ORDER BY number") { row in
                    let r = RegistryRows.Reader(row: row, table: "holder_photos")
                    return HolderPhoto(number: try r.text(0), image: try r.bytes(1))
                })
        }
    }

    /// Writes every row of `snapshot` in one transaction (into a new registry: a row whose key is taken fails the whole).
    func write(_ snapshot: RegistrySnapshot) throws {
        try writing { db in
            for batch in snapshot.batches {
                try db.execute(sql: RegistryRows.insert(RegistryRows.batchColumns, into: "batches"), arguments: RegistryRows.arguments(batch))
            }
            for certificate in snapshot.certificates {
                try db.execute(sql: RegistryRows.insert(RegistryRows.certificateColumns, into: "certificates"), arguments: RegistryRows.arguments(certificate))
            }
            for file in snapshot.files {
                try db.execute(sql: RegistryRows.insert(RegistryRows.fileColumns, into: "files"), arguments: RegistryRows.arguments(file))
            }
            for approval in snapshot.approvals {
                try db.execute(sql: RegistryRows.insert(RegistryRows.approvalColumns, into: "approvals"), arguments: RegistryRows.arguments(approval))
            }
            for revocation in snapshot.revocations {
                try db.execute(sql: RegistryRows.insert(RegistryRows.revocationColumns, into: "revocations"), arguments: RegistryRows.arguments(revocation))
            }
            for photo in snapshot.photos {
                try db.execute(sql: "INSERT INTO holder_photos (number, image) VALUES (?, ?)", arguments: [photo.number, Data(photo.image)])
            }
        }
    }

    /// Closes the file (its write-ahead log checkpointed into it); the registry cannot be used afterwards.
    func close() throws {
        do { try pool.close() } catch { throw Self.registryError(error, path: path, writing: true) }
    }

    // MARK: - Errors

    private func failure(_ reason: RegistryError.Reason) -> RegistryError {
        RegistryError(path: path, reason: reason)
    }

    private func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw Self.registryError(error, path: path, writing: false) }
    }

    /// Runs `body` in one write transaction: all of it is committed, or (when it throws) none.
    private func writing<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch { throw Self.registryError(error, path: path, writing: true) }
    }

    /// Any error of a registry operation as a `RegistryError`.
    static func registryError(_ error: Error, path: String, writing: Bool) -> RegistryError {
        if let error = error as? RegistryError { return error }
        if let damage = error as? RegistryRows.RowDamage {
            return RegistryError(path: path, reason: .unreadable("\(damage.table).\(damage.column)"))
        }
        if let error = error as? DatabaseError {
            let detail = error.message ?? "\(error.resultCode)"
            switch error.resultCode {
            case .SQLITE_NOTADB: return RegistryError(path: path, reason: .notADatabase(detail))
            case .SQLITE_CORRUPT: return RegistryError(path: path, reason: .unreadable(detail))
            default: return RegistryError(path: path, reason: writing ? .unwritable(detail) : .unreadable(detail))
            }
        }
        return RegistryError(path: path, reason: writing ? .unwritable("\(error)") : .unreadable("\(error)"))
    }
}
