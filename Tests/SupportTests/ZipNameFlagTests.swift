import Archive
import Foundation
import Testing
@testable import Support

@Suite struct CommonHanziTests {
    @Test func level1IsTheGB2312FirstLevel() {
        #expect(CommonHanzi.level1.count == 3755)
        #expect("郑伟强张王李啊座".unicodeScalars.allSatisfy(CommonHanzi.level1.contains))   // 啊 B0A1 and 座 D7F9 are the first and last
        #expect(!"玥琰֣ΰǿ".unicodeScalars.contains(where: CommonHanzi.level1.contains))   // level 2, and 郑伟强 in GBK read as UTF-8
        #expect(CommonHanzi.share(in: "郑伟-110101199003071233.jpg") == 1)
        #expect(CommonHanzi.share(in: "֣ΰ-110101199003071233.jpg") == 0)
        #expect(CommonHanzi.share(in: "王玥") == 0.5)
    }
}

@Suite struct ZipUTF8FlagTests {
    /// One archive: a UTF-8 name, a GBK name that is valid UTF-8 (郑伟), a GBK name that is not (张三), ASCII.
    func archive() throws -> (path: String, names: [[UInt8]]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaowu-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/names.zip"
        let zip = try ZipWriter(path: path)
        let names = [Array("郑伟-1.jpg".utf8), try #require(GB18030.encode("郑伟-2.jpg")), try #require(GB18030.encode("张三-3.jpg")),
                     Array("4.jpg".utf8)]
        for (k, raw) in names.enumerated() {
            if k == 0 { try zip.add("郑伟-1.jpg", ZipPayload([1])) } else { try zip.add("\(k)", ZipPayload([1]), rawName: raw) }
        }
        try zip.close()
        return (path, names)
    }

    @Test func theFlagIsReadPerEntryAndCanBeSetOrCleared() throws {
        let (path, names) = try archive()
        #expect(String(validating: names[1], as: UTF8.self) == "֣ΰ-2.jpg")   // why the flag matters

        try ZipUTF8Flag.set(false, inArchiveAt: path)
        var zip = try ZipReader(path: path)
        #expect((0..<4).map { zip.info(at: $0)?.declaresUTF8 } == [false, false, false, false])
        #expect((0..<4).map { zip.info(at: $0)?.rawName } == names)                 // names untouched
        #expect(try zip.read(at: 2, limit: 10) == [1])                              // data untouched

        try ZipUTF8Flag.set(true, inArchiveAt: path, where: { $0 == 0 })
        zip = try ZipReader(path: path)
        #expect((0..<4).map { zip.info(at: $0)?.declaresUTF8 } == [true, false, false, false])   // ASCII never counts as declared
        #expect(zip.info(at: 0)?.rawName == names[0])
    }

    @Test func notAZipIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kaowu-test-\(UUID().uuidString).zip").path
        try Data("not a zip".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: ZipError.self) { try ZipUTF8Flag.set(false, inArchiveAt: path) }
    }
}
