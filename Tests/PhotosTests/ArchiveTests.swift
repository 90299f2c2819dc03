import Archive
import Foundation
import Testing
import Support
@testable import Photos

enum ExternalZip {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ name: String) -> String { root.appendingPathComponent("fixtures/external/" + name).path }
    static func catalog(_ name: String) throws -> ArchiveCatalog {
        try PhotoArchive.catalog(path: path(name), limits: ArchiveLimits())
    }
}

@Suite struct ArchiveCatalogTests {
    @Test func gbkNamesWithoutTheUTF8Flag() throws {
        let c = try ExternalZip.catalog("gbk-names.zip")
        #expect(c.problems.isEmpty)
        #expect(c.entries.map(\.path) == ["照片/张伟-110101199003071233.jpg", "照片/李娜-310104199211212463.jpg",
                                          "照片/阿卜杜·热合曼-610113199912310151.jpg"])
        #expect(c.entries.allSatisfy { $0.nameEncoding == "GB18030" })
        #expect(c.entries.map { $0.name?.personName } == ["张伟", "李娜", "阿卜杜·热合曼"])
        #expect(c.entries[0].name?.key == "110101199003071233")
    }

    @Test func litterIsSkippedAndNamesNormalised() throws {
        let c = try ExternalZip.catalog("utf8-names.zip")
        #expect(c.problems.isEmpty)
        #expect(c.entries.count == 3)
        #expect(c.entries.map { $0.name?.key } == ["110101199003071233", "310104199211212463", "51010720010228139X"])
        #expect(c.entries[0].name?.fileExtension == "jpg")
        #expect(c.skipped == 7)
    }

    @Test func unsafePathsAreReportedNotRead() throws {
        let c = try ExternalZip.catalog("traversal.zip")
        #expect(c.problems.filter { $0.code == "archive.unsafe-path" }.count == 3)
        #expect(c.entries.count == 1)
        #expect(c.problems.contains { $0.entry == "../../etc/evil.jpg" })
    }

    @Test func zipBombByRatio() throws {
        let c = try ExternalZip.catalog("bomb.zip")
        #expect(c.problems.contains { $0.code == "archive.too-large" })
        #expect(c.entries.isEmpty)
    }

    @Test func encryptedEntriesAreMarked() throws {
        let c = try ExternalZip.catalog("encrypted.zip")
        #expect(!c.entries.isEmpty && c.entries.allSatisfy(\.isEncrypted))
    }

    @Test func notAZip() {
        #expect(throws: ZipError.self) { try PhotoArchive.catalog(path: ExternalZip.path("gbk.csv"), limits: ArchiveLimits()) }
    }

    @Test func entryCountLimit() throws {
        var limits = ArchiveLimits()
        limits.maxEntries = 2
        let c = try PhotoArchive.catalog(path: ExternalZip.path("utf8-names.zip"), limits: limits)
        #expect(c.problems.map(\.code) == ["archive.too-large"])
        #expect(c.entries.isEmpty)
    }
}

@Suite struct PhotoNameTests {
    @Test func idOnlyAndNameDashId() {
        #expect(PhotoName.parse("a/b/110101199003071233.jpg") == PhotoName(key: "110101199003071233", personName: nil, fileExtension: "jpg"))
        #expect(PhotoName.parse("张三-11010519491231002x.JPEG") == PhotoName(key: "11010519491231002X", personName: "张三", fileExtension: "jpeg"))
        #expect(PhotoName.parse("张三_H12345678.png")?.key == "H12345678")
        #expect(PhotoName.parse("照片\\王五－１１０１０５１９４９１２３１００２Ｘ.jpg")?.key == "11010519491231002X")
    }

    @Test func namesWithoutANumber() {
        #expect(PhotoName.parse("IMG_0001.jpg") == nil)
        #expect(PhotoName.parse("张三.jpg") == nil)
        #expect(PhotoName.parse("noextension") == nil)
    }

    @Test func unsafePaths() {
        #expect(PhotoArchive.isUnsafe("../x.jpg"))
        #expect(PhotoArchive.isUnsafe("a/../../x.jpg"))
        #expect(PhotoArchive.isUnsafe("/etc/x.jpg"))
        #expect(PhotoArchive.isUnsafe("C:\\win\\x.jpg"))
        #expect(PhotoArchive.isUnsafe("a\\..\\x.jpg"))
        #expect(!PhotoArchive.isUnsafe("照片/a..b.jpg"))
    }
}
