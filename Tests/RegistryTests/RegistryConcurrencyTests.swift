import Foundation
import GRDB
import Registry
import Synchronization
import Testing

/// WAL: readers (other connections, other processes) read while a writer writes, and see whole batches only.
@Suite struct RegistryConcurrencyTests {
    /// A reader in the middle of a read transaction does not stop a writer from committing, and keeps
    /// seeing the registry as it was when it began (in rollback-journal mode the writer would wait for the
    /// reader and fail after its busy timeout).
    @Test func aWriterCommitsWhileAReaderIsReading() throws {
        let path = try Samples.registryPath()
        let writer = try SQLiteRegistry(path: path)
        let first = Samples.issue("batch-1", count: 3)
        try writer.record(first.batch, certificates: first.certificates, files: first.files, approvals: first.approvals, revocations: [])
        let reader = try DatabaseQueue(path: path)
        defer { try? reader.close() }
        try reader.inDatabase { db in
            try db.beginTransaction(.deferred)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM certificates") == 3)
            let second = Samples.issue("batch-2", first: 4, count: 3)
            try writer.record(second.batch, certificates: second.certificates, files: second.files, approvals: [], revocations: [])
            _ = try writer.revoke(number: first.certificates[0].number, reason: "测试", at: Samples.time(1))
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM certificates") == 3)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM revocations") == 0)
            try db.commit()
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM certificates") == 6)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM revocations") == 1)
        }
        #expect(try writer.certificates(issuerCode: nil).count == 6)
    }

    /// One writer records batches while readers on their own connections read all the time: every read
    /// sees a whole number of batches, certificates and files agreeing, never fewer than before.
    @Test func readersSeeWholeBatchesWhileAWriterWrites() throws {
        let path = try Samples.registryPath()
        let writer = try SQLiteRegistry(path: path)
        let size = 40, batches = 25
        final class Shared: Sendable {
            let done = Mutex(false)
            let failures = Mutex<[String]>([])
            let reads = Mutex(0)
        }
        let shared = Shared()
        let finished = DispatchSemaphore(value: 0)
        let readers = 3
        for index in 0..<readers {
            let thread = Thread {
                defer { finished.signal() }
                do {
                    let registry = try SQLiteRegistry.openExisting(path: path)
                    let queue = try DatabaseQueue(path: path)
                    defer { try? queue.close() }
                    var last = 0
                    while true {
                        let stop = shared.done.withLock { $0 }
                        let count = try registry.certificates(issuerCode: nil).count
                        let (certificates, files, recorded) = try queue.read { db in
                            let row = try Row.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM certificates), (SELECT COUNT(*) FROM files), (SELECT COALESCE(SUM(count), 0) FROM batches)")!
                            return (row[0] as Int, row[1] as Int, row[2] as Int)
                        }
                        if count % size != 0 || count < last || certificates != files || certificates != recorded {
                            shared.failures.withLock { $0.append("reader \(index): \(count) listed, \(certificates) certificates, \(files) files, \(recorded) in batches") }
                        }
                        last = count
                        shared.reads.withLock { $0 += 1 }
                        if stop { break }
                    }
                } catch {
                    shared.failures.withLock { $0.append("reader \(index): \(error)") }
                }
            }
            thread.start()
        }
        for round in 0..<batches {
            let issue = Samples.issue("batch-\(round)", first: round * size + 1, count: size)
            try writer.record(issue.batch, certificates: issue.certificates, files: issue.files, approvals: issue.approvals, revocations: [])
        }
        shared.done.withLock { $0 = true }
        for _ in 0..<readers { finished.wait() }
        #expect(shared.failures.withLock { $0 }.isEmpty, "\(shared.failures.withLock { $0 })")
        #expect(shared.reads.withLock { $0 } >= readers)
        #expect(try writer.certificates(issuerCode: nil).count == size * batches)
    }
}
