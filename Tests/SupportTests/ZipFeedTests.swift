import Archive
import Foundation
import Testing
@testable import Support

/// Entries whose files are written while the archive is being written.
@Suite struct ZipFeedTests {
    func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaowu-feed-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func theArchiveWaitsForEachFileAndTakesItsBytes() throws {
        let dir = try scratch()
        let feed = ZipFeed()
        let zip = try ZipWriter(path: dir + "/out.zip", modified: 1_700_000_000)
        for name in ["a.txt", "b.txt"] { try zip.add("pack/" + name, later: dir + "/" + name, feed: feed, compress: false) }
        let closed = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: Error?
        nonisolated(unsafe) let writer = zip
        DispatchQueue.global().async {
            do { try writer.close() } catch { failure = error }
            closed.signal()
        }
        // The files appear only now, the second first.
        try Data("second".utf8).write(to: URL(fileURLWithPath: dir + "/b.txt"))
        feed.markReady(dir + "/b.txt")
        #expect(closed.wait(timeout: .now() + 0.3) == .timedOut, "still waiting for a.txt")
        try Data(repeating: 65, count: 100_000).write(to: URL(fileURLWithPath: dir + "/a.txt"))
        feed.markReady(dir + "/a.txt")
        closed.wait()
        #expect(failure == nil)
        let reader = try ZipReader(path: dir + "/out.zip")
        #expect(reader.count == 2)
        #expect(try reader.read(at: 0, limit: 1 << 20) == [UInt8](repeating: 65, count: 100_000))
        #expect(try reader.read(at: 1, limit: 1 << 20) == Array("second".utf8))
    }

    @Test func cancellingFailsTheArchiveInsteadOfWaitingForever() throws {
        let dir = try scratch()
        let feed = ZipFeed()
        let zip = try ZipWriter(path: dir + "/out.zip")
        try zip.add("never.txt", later: dir + "/never.txt", feed: feed)
        feed.cancel()
        #expect(throws: (any Error).self) { try zip.close() }
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.zip"))
    }
}
