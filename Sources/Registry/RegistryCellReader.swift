import Foundation

/// Reading one registry row's cells, the same on SQLite and PostgreSQL: each back end's reader gives text,
/// integers, bytes and the damage error for a cell; flags (0/1), times (`RegistryTime` text) and the rows of
/// each table (in `RegistryRows`' column order) are read from those here, once for both.
protocol RegistryCellReader {
    func text(_ index: Int) throws -> String
    func optionalText(_ index: Int) throws -> String?
    func integer(_ index: Int) throws -> Int
    func bytes(_ index: Int) throws -> [UInt8]
    func damage(_ index: Int) -> RegistryRows.RowDamage
}

extension RegistryCellReader {
    func flag(_ index: Int) throws -> Bool {
        switch try integer(index) {
        case 0: return false
        case 1: return true
        default: throw damage(index)
        }
    }

    func time(_ index: Int) throws -> Date {
        guard let date = RegistryTime.parse(try text(index)) else { throw damage(index) }
        return date
    }

    /// A row of `RegistryRows.certificateColumns`.
    func certificate() throws -> IssuedCertificate {
        IssuedCertificate(
            number: try text(0), issuerCode: try text(1), kid: try text(2), holderKey: try text(3), certificateKey: try text(4),
            detailsHash: try text(5), name: try text(6), maskedID: try text(7), kind: try text(8), title: try text(9),
            category: try text(10), issuedOn: try text(11), expiresOn: try optionalText(12), issuedAt: try time(13),
            qrText: try text(14), payloadSHA256: try text(15), sequencePrefix: try text(16), sequence: try integer(17),
            batchID: try text(18), replaces: try optionalText(19), photoShown: try flag(20))
    }

    /// A row of `RegistryRows.fileColumns`.
    func file() throws -> IssuedFile {
        IssuedFile(number: try text(0), pdfSHA256: try text(1), batchID: try text(2), path: try text(3), at: try time(4))
    }

    /// A row of `RegistryRows.batchColumns`.
    func batch() throws -> BatchRecord {
        BatchRecord(id: try text(0), hash: try text(6), issuerCode: try text(1), job: try text(2), at: try time(3), count: try integer(4),
                    output: try text(5))
    }

    /// A row of `RegistryRows.approvalColumns`.
    func approval() throws -> StoredApproval {
        StoredApproval(batchID: try text(0), role: try text(1), issuerCode: try text(2), kid: try text(3), signedAt: try time(4), cose: try bytes(5))
    }

    /// A row of `RegistryRows.revocationColumns`.
    func revocation() throws -> StoredRevocation {
        StoredRevocation(number: try text(0), reason: try text(1), at: try time(2), replacedBy: try optionalText(3))
    }
}
