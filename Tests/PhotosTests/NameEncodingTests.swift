import Archive
import Foundation
import Testing
import Support
@testable import Photos

/// A zip written in a test: entries (name, bytes, stored as GBK or UTF-8), then the UTF-8 flag as a tool sets it.
enum TestZip {
    static func make(_ entries: [(name: String, bytes: [UInt8])], gbk: Bool, flagged: Bool) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaowu-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/photos.zip"
        let zip = try ZipWriter(path: path)
        for entry in entries {
            try zip.add(entry.name, ZipPayload(entry.bytes), compress: false, rawName: gbk ? GB18030.encode(entry.name) : nil)
        }
        try zip.close()
        try ZipUTF8Flag.set(flagged, inArchiveAt: path)
        return path
    }
}

@Suite struct NameEncodingChoiceTests {
    let zheng = "郑伟-110101199003071233.jpg"

    @Test func commonHanziTellGBKFromUTF8() throws {
        let gbk = try #require(GB18030.encode(zheng))
        #expect(String(validating: gbk, as: UTF8.self) != nil)          // the trap: GBK bytes that are valid UTF-8
        let fromGBK = NameEncodingChoice.choose([gbk])
        #expect(fromGBK.encoding == .gb18030 && fromGBK.basis == .commonHanzi && fromGBK.support == 1)
        let fromUTF8 = NameEncodingChoice.choose([Array(zheng.utf8)])
        #expect(fromUTF8.encoding == .utf8 && fromUTF8.basis == .commonHanzi)
        #expect(NameEncodingChoice.choose([]) == .unneeded)
    }

    @Test func theRosterComesFirst() throws {
        // UTF-8 bytes of 张伟 read as GB18030 give three rare characters; a roster holding that reading wins
        // over common hanzi (and a roster holding 张伟 confirms UTF-8).
        let raw = Array("张伟-110101199003071233.jpg".utf8)
        let misread = try #require(GB18030.decode(raw).flatMap { PhotoName.parse($0)?.personName })
        let byRoster = NameEncodingChoice.choose([raw], rosterNames: [misread])
        #expect(byRoster.encoding == .gb18030 && byRoster.basis == .roster)
        #expect(NameEncodingChoice.choose([raw], rosterNames: ["张伟"]).basis == .roster)
        #expect(NameEncodingChoice.choose([raw], rosterNames: ["李娜"]).basis == .commonHanzi)   // no match either way
    }

    @Test func nothingToTellFallsBackByValidity() throws {
        // C2 A0: a no-break space in UTF-8, a rare (GBK/4) character in GB18030; neither is a common hanzi.
        let raw: [UInt8] = [0xC2, 0xA0] + Array(".jpg".utf8)
        #expect(GB18030.decode(raw) != nil)
        let choice = NameEncodingChoice.choose([raw])
        #expect(choice.basis == .fallback && choice.encoding == .utf8 && choice.names == 1)
        // Invalid UTF-8 then falls back to GB18030.
        let gbOnly = try #require(GB18030.encode("\u{3000}.jpg"))                 // ideographic space: A1 A1
        #expect(NameEncodingChoice.choose([gbOnly]).encoding == .gb18030)
    }
}

@Suite struct ArchiveNameTests {
    @Test func externalFixturesKeepTheirNames() throws {
        let gbk = try ExternalZip.catalog("gbk-names.zip")
        #expect(gbk.nameEncoding.encoding == .gb18030 && gbk.nameEncoding.names == 4)   // the folder 照片/ too
        let utf8 = try ExternalZip.catalog("utf8-names.zip")
        #expect(utf8.entries.allSatisfy { $0.nameEncoding == "UTF-8" })
    }

    @Test func eachToolsWayOfStoringNames() throws {
        let names = ["郑伟-110101199003071233.jpg", "郑伟强-310104199211212463.jpg", "谢平-51010720010228139X.jpg"]
        let entries = names.map { (name: $0, bytes: [UInt8]([0xFF, 0xD8])) }
        for (gbk, flagged, encoding) in [(true, false, "GB18030"), (false, false, "UTF-8"), (false, true, "UTF-8")] {
            let path = try TestZip.make(entries, gbk: gbk, flagged: flagged)
            let catalog = try PhotoArchive.catalog(path: path, limits: ArchiveLimits())
            #expect(catalog.entries.map(\.path) == names, "gbk \(gbk) flagged \(flagged)")
            #expect(catalog.entries.allSatisfy { $0.nameEncoding == encoding })
            #expect(catalog.nameEncoding.basis == (flagged ? .none : .commonHanzi))
        }
    }

    @Test func otherFilesAreOneWarning() throws {
        let photo: [UInt8] = [0xFF, 0xD8, 0xFF]
        let path = try TestZip.make([("照片/110101199003071233.jpg", photo), ("照片/说明.txt", [1]), ("照片/名单.xlsx", [2]),
                                     ("照片/Thumbs.db", [3]), ("照片/备份.db", [4]), ("照片/x.PDF", [5]), ("照片/a.ini", [6]),
                                     ("照片/快捷方式.lnk", [7]), ("照片/旧.bak", [8]), ("照片/6.doc", [9]), ("照片/7.docx", [10]),
                                     ("照片/310104199211212463.HEIC", [11]), ("照片/无扩展名", [12])],
                                    gbk: true, flagged: false)
        let catalog = try PhotoArchive.catalog(path: path, limits: ArchiveLimits())
        // Thumbs.db is archiver litter (skipped); the HEIC and the file without an extension are checked as photos.
        #expect(catalog.entries.map(\.path) == ["照片/110101199003071233.jpg", "照片/310104199211212463.HEIC", "照片/无扩展名"])
        #expect(catalog.otherFiles.count == 9)
        let warning = try #require(catalog.problems.first)
        #expect(catalog.problems.count == 1)
        #expect(warning.code == "archive.other-files" && warning.severity == .warning && warning.value == "9")
        #expect(warning.message(.en).contains("照片/说明.txt") && warning.message(.en).contains("9 files"))
    }

    @Test func refusalsSayWhy() throws {
        var limits = ArchiveLimits()
        limits.maxTotalBytes = 4
        let c = try PhotoArchive.catalog(path: ExternalZip.path("gbk-names.zip"), limits: limits)
        #expect(c.entries.isEmpty && c.refusal?.code == "archive.too-large")
        #expect(c.refusal?.message(.en).contains("limit of 0 MB") == true)
        limits = ArchiveLimits()
        limits.maxEntries = 2
        let d = try PhotoArchive.catalog(path: ExternalZip.path("gbk-names.zip"), limits: limits)
        #expect(d.refusal?.message(.en).contains("limit of 2") == true)
        #expect(try PhotoArchive.catalog(path: ExternalZip.path("gbk-names.zip"), limits: ArchiveLimits()).refusal == nil)
    }
}
