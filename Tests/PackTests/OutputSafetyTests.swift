import Archive
import Crypto
import Foundation
import Support
import Testing
import TestTools

/// `kaowu pack` never replaces or deletes what it did not make: every case checks the SHA-256 of every
/// bystander file before and after, and that the run refused with exit 2 naming the path.
@Suite struct OutputSafetyTests {
    /// Every file below `dir` (relative path → SHA-256), folders as "dir".
    static func snapshot(_ dir: String) throws -> [String: String] {
        var result: [String: String] = [:]
        let walker = FileManager.default.enumerator(atPath: dir)
        while let relative = walker?.nextObject() as? String {
            switch walker?.fileAttributes?[.type] as? FileAttributeType {
            case .typeDirectory?: result[relative] = "dir"; continue
            case .typeSymbolicLink?: result[relative] = "link to " + (try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/" + relative)); continue
            default: break
            }
            let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + relative))
            result[relative] = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        }
        return result
    }

    /// A scratch folder with a 20-candidate roster and a job `name` writing to `output` (nil: the default).
    static func setUp(job name: String = "exam.yaml", output: String? = nil, extra: String = "") throws -> (dir: String, job: String) {
        let dir = try Tool.scratch()
        try PackFixtures.photos(for: [try PackFixtures.roster(20, in: dir)], in: dir)
        let body = PackBehaviourTests.body(roster: "名单.csv", extra: (output.map { "output: \"\($0)\"\n" } ?? "") + extra)
        return (dir, try PackFixtures.job(body, in: dir, name: name))
    }

    /// Runs `arguments` in `dir` and expects a refusal (exit 2) that names `path`, with nothing below `dir` changed.
    static func expectRefusal(_ arguments: [String], in dir: String, from cwd: String? = nil, naming path: String, saying words: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try snapshot(dir)
        let run = try Kaowu.run(arguments, in: cwd ?? dir)
        #expect(run.status == 2, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains(path), "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains(words), "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(try snapshot(dir) == before, "a bystander file changed", sourceLocation: sourceLocation)
    }

    @Test func aPhotoArchiveNamedLikeTheJobIsNeverReplacedByThePacksZip() throws {
        let (dir, job) = try Self.setUp(job: "2026上半年.yaml")
        try FileManager.default.copyItem(atPath: PackFixtures.path("fixtures/demo/照片.zip"), toPath: dir + "/2026上半年.zip")
        let text = try String(contentsOfFile: job, encoding: .utf8).replacingOccurrences(of: "photos: 照片.zip", with: "photos: 2026上半年.zip")
        try text.write(toFile: job, atomically: true, encoding: .utf8)
        try Self.expectRefusal(["pack", job], in: dir, naming: dir + "/2026上半年.zip", saying: "照片压缩包")
    }

    @Test func aFolderThatIsNotAPackIsNeverReplaced() throws {
        let (dir, job) = try Self.setUp()
        try FileManager.default.createDirectory(atPath: dir + "/important", withIntermediateDirectories: true)
        try "年度总结".write(toFile: dir + "/important/总结.docx", atomically: true, encoding: .utf8)
        try Self.expectRefusal(["pack", job, "--out", dir + "/important/"], in: dir, naming: dir + "/important", saying: "不是 kaowu 生成的材料")
        try Self.expectRefusal(["pack", job, "--out", dir + "/important", "--lang", "en"], in: dir, naming: dir + "/important", saying: "not a kaowu pack")
    }

    @Test func anOutputHoldingTheInputsIsRefused() throws {
        let dir = try Tool.scratch()
        let inputs = dir + "/inp"
        try FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: true)
        try PackFixtures.photos(for: [try PackFixtures.roster(20, in: inputs)], in: inputs)
        let job = try PackFixtures.job(PackBehaviourTests.body(roster: "名单.csv", extra: "output: ../inp"), in: inputs)
        try Self.expectRefusal(["pack", job], in: dir, naming: inputs, saying: "在这个目录里")
        // The roster itself, or the job, as the output.
        try Self.expectRefusal(["pack", job, "--out", inputs + "/名单.csv"], in: dir, naming: inputs + "/名单.csv", saying: "输入文件（名单）")
        try Self.expectRefusal(["pack", job, "--out", inputs + "/exam.yaml"], in: dir, naming: inputs + "/exam.yaml", saying: "输入文件（任务文件）")
        // The output inside an input named through a symbolic link is found too.
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: inputs)
        try Self.expectRefusal(["pack", job, "--out", dir + "/link"], in: dir, naming: inputs, saying: "在这个目录里")
        try Self.expectRefusal(["pack", job, "--out", dir + "/link/../inp"], in: dir, naming: inputs, saying: "在这个目录里")
    }

    @Test func aFileOrAZipFolderInTheWayIsNeverTouched() throws {
        let (dir, job) = try Self.setUp()
        try "notes".write(toFile: dir + "/existing_file.txt", atomically: true, encoding: .utf8)
        try Self.expectRefusal(["pack", job, "--out", dir + "/existing_file.txt"], in: dir, naming: dir + "/existing_file.txt", saying: "同名文件")
        try FileManager.default.createDirectory(atPath: dir + "/X.zip/inside", withIntermediateDirectories: true)
        try "keep me".write(toFile: dir + "/X.zip/inside/a.txt", atomically: true, encoding: .utf8)
        try Self.expectRefusal(["pack", job, "--out", dir + "/X"], in: dir, naming: dir + "/X.zip", saying: "同名目录")
        // Some other zip where the pack's zip goes.
        try FileManager.default.copyItem(atPath: PackFixtures.path("fixtures/demo/照片.zip"), toPath: dir + "/Y.zip")
        try Self.expectRefusal(["pack", job, "--out", dir + "/Y"], in: dir, naming: dir + "/Y.zip", saying: "不是 kaowu 生成的材料压缩包")
    }

    @Test func theCurrentFolderAnEmptyPathAndTheRootAreRefusedWithoutATrap() throws {
        let (dir, job) = try Self.setUp()
        try Self.expectRefusal(["pack", job, "--out", "."], in: dir, naming: "输出 .", saying: "当前目录")
        try Self.expectRefusal(["pack", job, "--out", ""], in: dir, naming: "输出 ", saying: "输出路径为空")
        try Self.expectRefusal(["pack", job, "--out", "/"], in: dir, naming: "输出 /", saying: "根目录")
        try Self.expectRefusal(["pack", job, "--out", ".."], in: dir, naming: "输出 ..", saying: "上级目录")
        let (other, dotJob) = try Self.setUp(output: ".")
        try Self.expectRefusal(["pack", dotJob], in: other, naming: other, saying: "当前目录")
        try Self.expectRefusal(["pack", dotJob], in: other, from: "/", naming: other, saying: "在这个目录里")
        let long = String(repeating: "考", count: 90)
        try Self.expectRefusal(["pack", job, "--out", dir + "/" + long], in: dir, naming: long, saying: "目录名太长")
    }

    @Test func aPackIsReplacedOnlyWhileItHoldsExactlyWhatKaowuWrote() throws {
        let (dir, job) = try Self.setUp()
        #expect(try Kaowu.run(["pack", job, "--out", dir + "/pack"]).status == 0)
        let made = try Self.snapshot(dir + "/pack")
        // An unchanged pack is replaced by the next run.
        let again = try Kaowu.run(["pack", job, "--out", dir + "/pack"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Self.snapshot(dir + "/pack") == made)
        // A file of the user's in the pack, or a changed file, stops the next run.
        try "mine".write(toFile: dir + "/pack/备注.txt", atomically: true, encoding: .utf8)
        try Self.expectRefusal(["pack", job, "--out", dir + "/pack"], in: dir, naming: dir + "/pack", saying: "备注.txt")
        try FileManager.default.removeItem(atPath: dir + "/pack/备注.txt")
        let handle = try #require(FileHandle(forWritingAtPath: dir + "/pack/排考明细.xlsx"))
        handle.seekToEndOfFile()
        handle.write(Data("edited".utf8))
        try handle.close()
        try Self.expectRefusal(["pack", job, "--out", dir + "/pack"], in: dir, naming: dir + "/pack", saying: "被修改过")
        // A zip with a file that is not the pack's is not replaced either.
        try FileManager.default.removeItem(atPath: dir + "/pack")
        #expect(try Kaowu.run(["pack", job, "--out", dir + "/pack"]).status == 0)
        let manifest = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/pack/manifest.json")))
        try FileManager.default.removeItem(atPath: dir + "/pack")
        #expect(try Kaowu.run(["pack", job, "--out", dir + "/pack"]).status == 0, "a pack's zip alone is replaced")
        try FileManager.default.removeItem(atPath: dir + "/pack")
        try FileManager.default.removeItem(atPath: dir + "/pack.zip")
        let foreign = try ZipWriter(path: dir + "/pack.zip")
        try foreign.add("pack/manifest.json", ZipPayload(manifest))
        try foreign.add("pack/私人.txt", ZipPayload(Array("mine".utf8)))
        try foreign.close()
        try Self.expectRefusal(["pack", job, "--out", dir + "/pack"], in: dir, naming: dir + "/pack.zip", saying: "私人.txt")
        try FileManager.default.removeItem(atPath: dir + "/pack.zip")
        #expect(try Kaowu.run(["pack", job, "--out", dir + "/pack"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["exam.yaml", "pack", "pack.zip", "名单.csv", "照片.zip"], "nothing left behind")
    }

    @Test func aSecondRunOnTheSameOutputSaysWhoHoldsIt() throws {
        let (dir, job) = try Self.setUp()
        let first = try Kaowu.start(["pack", job, "--out", dir + "/pack"], environment: ["KAOWU_TEST_PUBLISH_PAUSE": "4"])
        try Self.waitFor { FileManager.default.fileExists(atPath: dir + "/.pack.kaowu-lock") }
        let second = try Kaowu.run(["pack", job, "--out", dir + "/pack"])
        #expect(second.status == 2)
        #expect(second.stderr.contains("另一个 kaowu 正在生成这份材料：进程 \(first.processIdentifier)"), "\(second.stderr)")
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(!FileManager.default.fileExists(atPath: dir + "/.pack.kaowu-lock"))
        #expect(try Kaowu.run(["pack", job, "--out", dir + "/pack"]).status == 0, "free again")
    }

    @Test func aRunKilledBetweenTheTwoRenamesNeverLeavesAMismatchedPairAndTheNextRunRepairsIt() throws {
        let (dir, job) = try Self.setUp()
        #expect(try Kaowu.run(["pack", job, "--out", dir + "/pack"]).status == 0)
        let other = try String(contentsOfFile: job, encoding: .utf8).replacingOccurrences(of: "title: 测试考试", with: "title: 补考")
        try other.write(toFile: dir + "/second.yaml", atomically: true, encoding: .utf8)
        let run = try Kaowu.start(["pack", dir + "/second.yaml", "--out", dir + "/pack"], environment: ["KAOWU_TEST_PUBLISH_PAUSE": "30"])
        // Wait for the new folder to be in place (its manifest names the second exam), then kill the run.
        try Self.waitFor { (try? String(contentsOfFile: dir + "/pack/manifest.json", encoding: .utf8))?.contains("补考") == true }
        kill(run.processIdentifier, SIGKILL)
        run.waitUntilExit()
        #expect(run.terminationReason == .uncaughtSignal)
        // The old zip is not beside the new folder.
        #expect(!FileManager.default.fileExists(atPath: dir + "/pack.zip"))
        // The next run on that output completes the pair first (even one that then fails), then works as usual.
        let failing = try Kaowu.run(["pack", dir + "/second.yaml", "--out", dir + "/pack", "--keep", dir + "/名单.csv"])
        #expect(failing.status == 2)
        let completed = try Self.zippedManifest(dir + "/pack.zip")
        #expect(completed.contains("补考"))
        #expect(completed == (try String(contentsOfFile: dir + "/pack/manifest.json", encoding: .utf8)))
        #expect(!FileManager.default.fileExists(atPath: dir + "/.pack.kaowu-unfinished"))
        let repaired = try Kaowu.run(["pack", job, "--out", dir + "/pack"])
        #expect(repaired.status == 0, "\(repaired.stderr)")
        let zipped = try Self.zippedManifest(dir + "/pack.zip")
        #expect(zipped == (try String(contentsOfFile: dir + "/pack/manifest.json", encoding: .utf8)))
        #expect(zipped.contains("测试考试"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["exam.yaml", "pack", "pack.zip", "second.yaml", "名单.csv", "照片.zip"])
    }

    /// A run killed between making its work folder and writing the journal in it leaves an empty folder
    /// (or one holding only an empty journal): the next run clears it. A work folder holding anything else
    /// without a journal is not known to be kaowu's and is refused, untouched.
    @Test func aWorkFolderLeftBeforeItsJournalIsClearedAndAnythingElseRefused() throws {
        let (dir, job) = try Self.setUp()
        let work = dir + "/.pack.kaowu-unfinished"
        for emptyJournal in [false, true] {
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: false)
            if emptyJournal { #expect(FileManager.default.createFile(atPath: work + "/kaowu-work.json", contents: Data())) }
            let run = try Kaowu.run(["pack", job, "--out", dir + "/pack"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: work))
            #expect(FileManager.default.fileExists(atPath: dir + "/pack/manifest.json"))
        }
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: false)
        try "草稿".write(toFile: work + "/笔记.txt", atomically: true, encoding: .utf8)
        try Self.expectRefusal(["pack", job, "--out", dir + "/pack"], in: dir, naming: work, saying: "不是 kaowu 生成的材料")
        try FileManager.default.removeItem(atPath: work + "/笔记.txt")
        #expect(FileManager.default.createFile(atPath: work + "/kaowu-work.json", contents: Data("{\"state\":".utf8)))
        try Self.expectRefusal(["pack", job, "--out", dir + "/pack"], in: dir, naming: work, saying: "不是 kaowu 生成的材料")
    }

    @Test func ctrlCRemovesTheRunsUnfinishedFiles() throws {
        let dir = try Tool.scratch()
        let run = try Kaowu.start(["pack", PackFixtures.demoJob, "--out", dir + "/pack", "--threads", "1"])
        try Self.waitFor {
            (FileManager.default.enumerator(atPath: dir + "/.pack.kaowu-unfinished")?.allObjects as? [String])?.contains { $0.hasSuffix(".pdf") } == true
        }
        kill(run.processIdentifier, SIGINT)
        run.waitUntilExit()
        #expect(run.terminationReason == .exit && run.terminationStatus == 128 + SIGINT)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [], "nothing left behind")
    }

    /// pack/manifest.json as the zip holds it.
    static func zippedManifest(_ zip: String) throws -> String {
        let reader = try ZipReader(path: zip)
        let index = try #require(reader.index(of: "pack/manifest.json"))
        return String(decoding: try reader.read(at: index, limit: 1 << 24), as: UTF8.self)
    }

    static func waitFor(_ condition: () -> Bool, seconds: Double = 120) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            guard Date() < deadline else { throw CocoaError(.fileReadUnknown) }
            usleep(5_000)
        }
    }
}
