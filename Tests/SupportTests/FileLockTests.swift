import Foundation
import Support
import Testing

/// The output lock: one holder at a time, who holds it is readable, the file goes with the lock, and a
/// file of that name that is not a lock is never overwritten.
@Suite struct FileLockTests {
    func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaowu-lock-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func aSecondLockIsRefusedNamingTheHolderAndTheFileGoesWithTheLock() throws {
        let path = try scratch() + "/.pack.kaowu-lock"
        let first = try FileLock(path: path, command: "kaowu pack")
        do {
            _ = try FileLock(path: path, command: "kaowu pack")
            Issue.record("a second lock was granted")
        } catch FileLock.Failure.held(_, let holder) {
            #expect(holder?.pid == getpid())
            #expect(holder?.command == "kaowu pack")
        }
        first.release()
        #expect(!FileManager.default.fileExists(atPath: path))
        let again = try FileLock(path: path, command: "kaowu pack")
        again.release()
    }

    @Test func aFileThatIsNotALockIsLeftAlone() throws {
        let path = try scratch() + "/.pack.kaowu-lock"
        try "我的笔记".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: FileLock.Failure.self) { _ = try FileLock(path: path, command: "kaowu pack") }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "我的笔记")
    }
}
