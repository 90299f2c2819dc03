import Foundation
import GRDB
import Registry
import Testing
import TestTools

/// A writer killed with SIGKILL in the middle of a batch leaves a sound registry holding whole batches
/// only: every batch's certificates, files and approval all there, nothing of the killed one.
@Suite struct RegistryDurabilityTests {
    /// The test-only `RegistryStress` executable built beside `kaowu`.
    static let stress = Kaowu.root.appendingPathComponent(".build/debug/RegistryStress").path

    /// Starts the writer and returns once it has committed `batches` batches; it is still writing then.
    func startWriter(_ path: String, after batches: Int) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.stress)
        process.arguments = [path, "150"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("recorded \(batches)\n") {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        #expect(text.contains("recorded \(batches)\n"), "the writer stopped early: \(text)")
        return process
    }

    /// Checks the registry with a connection of its own; returns the number of batches.
    func check(_ path: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let rows = try Row.fetchAll(db, sql: """
                SELECT b.id, b.count,
                       (SELECT COUNT(*) FROM certificates c WHERE c.batch_id = b.id),
                       (SELECT COUNT(*) FROM files f WHERE f.batch_id = b.id),
                       (SELECT COUNT(*) FROM approvals a WHERE a.batch_id = b.id)
                FROM batches b
                """)
            for row in rows {
                let id: String = row[0], count: Int = row[1], certificates: Int = row[2], files: Int = row[3], approvals: Int = row[4]
                #expect(certificates == count && files == count && approvals == 1, "\(id): \(count) in batch, \(certificates) certificates, \(files) files")
            }
            let loose = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM certificates c WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.number = c.number)")
            #expect(loose == 0)
            return rows.count
        }
    }

    @Test func aWriterKilledMidBatchLeavesWholeBatchesOnly() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.stress), "build RegistryStress first (swift build --build-tests)")
        let path = try Samples.registryPath()
        var total = 0
        let rounds = 3
        for round in 1...rounds {
            let writer = try startWriter(path, after: 2 + round)
            usleep(UInt32.random(in: 0...20_000))
            kill(writer.processIdentifier, SIGKILL)
            writer.waitUntilExit()
            #expect(writer.terminationReason == .uncaughtSignal && writer.terminationStatus == SIGKILL, "round \(round): the writer was not killed")
            let batches = try check(path)
            #expect(batches >= total + 2 + round)
            total = batches
        }
        // Every writer revoked the first certificate of its previous batch in each batch after its first.
        let registry = try SQLiteRegistry.openExisting(path: path)
        #expect(try registry.revocations(issuerCode: "STRS").count == total - rounds)
        // The registry goes on: the next batch continues the sequence.
        let highest = try registry.highestSequence(prefix: "STRS2026")
        #expect(highest == total * 150)
        let next = Samples.certificate(highest + 1, person: Samples.people[0], batch: "after", issuer: "STRS", prefix: "STRS2026")
        try registry.record(Samples.batch("after", count: 1, issuer: "STRS"), certificates: [next], files: [Samples.file(next)],
                            approvals: [Samples.approval("after", role: "评价组织")], revocations: [])
        #expect(try check(path) == total + 1)
    }
}
