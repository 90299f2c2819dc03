import Foundation
import Registry
import Testing

/// The registry never holds an ID number: only its hash (the holder key) and the masked form printed on
/// the certificate.
@Suite struct RegistryPrivacyTests {
    /// The registry file with its WAL and shared-memory files, as bytes.
    func stored(_ path: String) throws -> Data {
        var data = Data()
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            data += try Data(contentsOf: URL(fileURLWithPath: path + suffix))
        }
        return data
    }

    @Test func noIDNumberIsStored() throws {
        let path = try Samples.registryPath()
        do {
            let registry = try SQLiteRegistry(path: path)
            let issue = Samples.issue("batch-1", count: Samples.people.count)
            try registry.record(issue.batch, certificates: issue.certificates, files: issue.files, approvals: issue.approvals, revocations: [])
            _ = try registry.revoke(number: issue.certificates[0].number, reason: "证书信息有误", at: Samples.time(60))
            try expectNoIDs(in: try stored(path))
        }
        // Closed: everything is in the main file now.
        try expectNoIDs(in: try stored(path))
    }

    func expectNoIDs(in data: Data) throws {
        for person in Samples.people {
            // Found: the search reads the stored data.
            #expect(data.range(of: Data(Samples.masked(person.id).utf8)) != nil, "\(person.name)'s masked ID")
            #expect(data.range(of: Data(Samples.holderKey(person.id).utf8)) != nil)
            // Not found: the ID number, with either case of its check letter, nor its first 14 characters
            // (region and birth date).
            for form in [person.id, person.id.lowercased(), String(person.id.prefix(14))] where form.count >= 9 {
                #expect(data.range(of: Data(form.utf8)) == nil, "\(form) is stored")
            }
        }
    }
}
