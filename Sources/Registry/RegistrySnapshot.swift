import Foundation

/// Every row of a registry, table by table in key order: what `kaowu registry import` and `export` copy
/// between SQLite and PostgreSQL (the `registry_schema` rows stay with each database).
public struct RegistrySnapshot: Sendable, Equatable {
    public var batches: [BatchRecord]
    public var certificates: [IssuedCertificate]
    public var files: [IssuedFile]
    public var approvals: [StoredApproval]
    public var revocations: [StoredRevocation]
    public var photos: [HolderPhoto]

    public init(batches: [BatchRecord], certificates: [IssuedCertificate], files: [IssuedFile], approvals: [StoredApproval],
                revocations: [StoredRevocation], photos: [HolderPhoto]) {
        self.batches = batches
        self.certificates = certificates
        self.files = files
        self.approvals = approvals
        self.revocations = revocations
        self.photos = photos
    }

    /// The number of rows of each table, in the order they are copied.
    public var counts: [(table: String, rows: Int)] {
        [("batches", batches.count), ("certificates", certificates.count), ("files", files.count), ("approvals", approvals.count),
         ("revocations", revocations.count), ("holder_photos", photos.count)]
    }
}
