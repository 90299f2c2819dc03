import Crypto
import Foundation
import Registry
import Testing
import TestTools

/// A batch killed at any moment (SIGKILL) leaves the registry and the files in agreement once a run
/// completes: no certificate in the registry without its file, no file without its certificate.
@Suite(.serialized) struct CrashConsistencyTests {
    /// Numbers in the registry and the published PDFs (number → SHA-256).
    static func state(_ f: CertifyFixture) throws -> (registered: Set<String>, files: [String: String]) {
        var registered = Set<String>()
        if FileManager.default.fileExists(atPath: f.registry) {
            registered = Set(try SQLiteRegistry.openExisting(path: f.registry).certificates(issuerCode: nil).map(\.number))
        }
        var files: [String: String] = [:]
        if FileManager.default.fileExists(atPath: f.output + "/证书") {
            for pdf in try f.pdfs() {
                let hash = SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: pdf))).map { String(format: "%02x", $0) }.joined()
                files[((pdf as NSString).lastPathComponent as NSString).deletingPathExtension] = hash
            }
        }
        return (registered, files)
    }

    /// After a completed run: the same numbers on both sides, and every file's hash registered for it.
    static func expectAgreement(_ f: CertifyFixture) throws {
        let (registered, files) = try state(f)
        #expect(registered == Set(files.keys), "registry \(registered.sorted()) files \(files.keys.sorted())")
        let registry = try SQLiteRegistry.openExisting(path: f.registry)
        for (number, hash) in files {
            #expect(try registry.files(number: number).contains { $0.pdfSHA256 == hash }, "\(number)")
        }
    }

    @Test(arguments: [0.4, 1.2, 2.5])
    func killedWhileRendering(after seconds: Double) throws {
        let f = try CertifyFixture(count: 30)
        try f.writeJob()
        let process = try Kaowu.start(["certify", f.job, "--threads", "1"], in: f.folder)
        Thread.sleep(forTimeInterval: seconds)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // Right after the kill: whatever the registry holds is published with it, or will be by the next run.
        let (registered, files) = try Self.state(f)
        if !files.isEmpty { #expect(registered == Set(files.keys)) }
        let rerun = try f.kaowu(["certify", f.job])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        try Self.expectAgreement(f)
        #expect(try Self.state(f).files.count == 24)
    }

    @Test func killedBetweenTheCommitAndPublishing() throws {
        let f = try CertifyFixture(count: 5)
        try f.writeJob()
        let process = try Kaowu.start(["certify", f.job], environment: ["KAOWU_TEST_COMMIT_PAUSE": "30"], in: f.folder)
        // Wait for the registry to hold the batch, then kill before the output is renamed into place.
        var committed = false
        for _ in 0..<600 where !committed {
            Thread.sleep(forTimeInterval: 0.05)
            committed = (try? Self.state(f).registered.count) == 4
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(committed)
        #expect(!FileManager.default.fileExists(atPath: f.output))
        // The next run finds the committed batch aside and publishes it before anything else.
        let rerun = try f.kaowu(["certify", f.job])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("沿用 4"), "\(rerun.stdout)")
        try Self.expectAgreement(f)
    }
}
