import Archive
import Foundation
import Testing
import Photos
import Support
import Synthetic
@testable import Validation

/// Thousands of common Chinese names, each with a valid resident ID: every common surname with every
/// common given character (two-character names), and three-character names, among them all those whose
/// GBK bytes happen to be valid UTF-8 (郑伟 → ֣ΰ, 郑伟强 → ֣ΰǿ), the ones a per-name guess reads wrongly.
enum CommonNames {
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
    static let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉兰文辉鑫宇浩欣怡子涵梓轩俊博晨雨佳琪思嘉睿泽一诺铭瑶婷峰亮斌凯红建国志海燕林春梅雪飞鹏波宁丹萍颖琳慧晶婧璐阳帆")

    /// Whether `name` in GBK is also valid UTF-8 (and so read wrongly by "UTF-8 if valid, else GBK").
    static func isAmbiguous(_ name: String) -> Bool {
        GB18030.encode(name).flatMap { String(validating: $0, as: UTF8.self) } != nil
    }

    /// (name, ID) pairs: all two-character names, every ambiguous three-character one, and 1,500 others.
    static let all: [(name: String, id: String)] = {
        var names = surnames.flatMap { s in given.map { String(s) + String($0) } }
        for s in surnames { for g in given { for h in given {
            let name = String(s) + String(g) + String(h)
            if isAmbiguous(name) { names.append(name) }
        } } }
        var random = SeededRandom(seed: 8)
        var three = Set<String>()
        while three.count < 1_500 {
            let name = String(surnames.randomElement(using: &random)!) + String(given.randomElement(using: &random)!)
                + String(given.randomElement(using: &random)!)
            if !isAmbiguous(name), !names.contains(name) { three.insert(name) }
        }
        names += three.sorted()
        return names.enumerated().map { k, name in
            let (y, m, d) = DayCount.civil(daysSince1970: 3_653 + k % 9_000)            // 1980-01-01 onwards
            let first17 = "110101" + String(format: "%04d%02d%02d%03d", y, m, d, k / 9_000 * 2 + 1)
            return (name, first17 + String(SyntheticCandidate.checkCharacter(first17)))
        }
    }()

    /// A UTF-8 CSV roster of `people` (header 姓名,身份证号) in `dir`.
    static func roster(_ people: [(name: String, id: String)], in dir: String) throws -> String {
        let path = dir + "/名单.csv"
        let text = "姓名,身份证号\n" + people.map { "\($0.name),\($0.id)\n" }.joined()
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// How the tools people use store names: Windows Explorer (zh-CN) GBK without the flag, older macOS and
/// Linux archivers UTF-8 without the flag, current tools UTF-8 with it.
enum ArchiverStyle: String, CaseIterable, CustomTestStringConvertible {
    case windowsGBK, oldMacUTF8, flaggedUTF8
    var testDescription: String { rawValue }
    var encoding: String { self == .windowsGBK ? "GB18030" : "UTF-8" }

    /// An archive of `entries` (name, bytes) stored as this style does, in `dir`.
    func write(_ entries: [(name: String, bytes: ZipPayload)], in dir: String, file: String = "照片.zip") throws -> String {
        let path = dir + "/" + file
        let zip = try ZipWriter(path: path)
        for entry in entries {
            try zip.add(entry.name, entry.bytes, compress: false, rawName: self == .windowsGBK ? GB18030.encode(entry.name) : nil)
        }
        try zip.close()
        try ZipUTF8Flag.set(self == .flaggedUTF8, inArchiveAt: path)
        return path
    }
}

@Suite struct ZipNameEncodingTests {
    /// A small real JPEG (30×40, red background); the options below require that size.
    static let photo = ZipPayload(PhotoPainter().jpeg(width: 30, height: 40, background: .red, variant: 1))

    func options() -> ValidationOptions {
        var o = Fixtures.options(background: false)
        o.photo.width = 30
        o.photo.height = 40
        return o
    }

    func validate(_ roster: String, _ photos: String, options: ValidationOptions? = nil) -> ValidationReport {
        let report = Validator(options: options ?? self.options()).validate(rosterPath: roster, photosPath: photos)
        #expect(report.rows == report.valid + report.rowsWithErrors.count, "rows = valid + rows with errors")
        return report
    }

    @Test func theNamesAreCommonAndManyAreTraps() {
        let people = CommonNames.all
        #expect(people.count == 12_104)
        #expect(Set(people.map(\.id)).count == people.count && Set(people.map(\.name)).count == people.count)
        #expect(people.filter { $0.name.count == 2 }.count == 7_900)
        #expect(people.filter { CommonNames.isAmbiguous($0.name) }.count == 2_912)
        #expect(people.contains { $0.name == "郑伟" } && people.contains { $0.name == "郑伟强" })
        // What reading each name on its own did: UTF-8 whenever valid, so every trap read wrongly.
        let misread = people.filter { LegacyText.decode(GB18030.encode($0.name)!)?.text != $0.name }
        #expect(misread.count == 2_912)
        #expect(LegacyText.decode(GB18030.encode("郑伟强")!)?.text == "֣ΰǿ")
    }

    @Test(arguments: ArchiverStyle.allCases)
    func everyNameReadRightWithAndWithoutTheRoster(style: ArchiverStyle) throws {
        let people = CommonNames.all
        let dir = try Fixtures.scratch()
        let photos = try style.write(people.map { ("\($0.name)-\($0.id).jpg", Self.photo) }, in: dir)
        let expected = Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0.name) })

        // The archive alone: common hanzi decide.
        let catalog = try PhotoArchive.catalog(path: photos, limits: ArchiveLimits())
        #expect(catalog.entries.count == people.count)
        let wrong = catalog.entries.filter { $0.name.map { expected[$0.key] != $0.personName } ?? true }
        #expect(wrong.isEmpty, "\(wrong.prefix(5).map(\.path))")
        #expect(catalog.entries.allSatisfy { $0.nameEncoding == style.encoding })
        #expect(catalog.nameEncoding.basis == (style == .flaggedUTF8 ? .none : .commonHanzi))

        // With the roster: every row valid, not one false photo.name-mismatch.
        let report = validate(try CommonNames.roster(people, in: dir), photos)
        #expect(report.rows == people.count && report.photos == people.count)
        #expect(report.valid == people.count)
        #expect(report.problems.isEmpty, "\(report.problems.prefix(5).map { $0.message(.zh) })")
        let names = try #require(report.photoNames)
        if style == .flaggedUTF8 {
            #expect(names == .unneeded)
        } else {
            #expect(names.encoding.rawValue == style.encoding && names.basis == .roster && names.names == people.count)
            #expect(names.support == people.count && names.against == 0)
        }
    }

    @Test func anArchiveOfTrapsOnly() throws {
        // Every name here is valid UTF-8 as well as GBK: nothing but the names' meaning tells the two apart.
        let people = CommonNames.all.filter { CommonNames.isAmbiguous($0.name) }
        let dir = try Fixtures.scratch()
        let photos = try ArchiverStyle.windowsGBK.write(people.map { ("\($0.name)-\($0.id).jpg", Self.photo) }, in: dir)
        let catalog = try PhotoArchive.catalog(path: photos, limits: ArchiveLimits())
        #expect(catalog.nameEncoding.encoding == .gb18030 && catalog.nameEncoding.basis == .commonHanzi)
        #expect(catalog.nameEncoding.support == people.count)
        #expect(catalog.entries.map { $0.name?.personName } == people.map(\.name))
        let report = validate(try CommonNames.roster(people, in: dir), photos)
        #expect(report.valid == people.count && report.problems.isEmpty)
        #expect(report.photoNames?.basis == .roster)
    }

    @Test func theRosterOverridesTheFirstReadingAndPhotosKeepTheirChecks() throws {
        // UTF-8 names without the flag whose GB18030 reading is what the roster holds (odd, but it makes
        // the roster disagree with common hanzi): photos are checked under the first reading while the
        // roster is read, then the names are read again and each photo keeps its problems.
        let people = CommonNames.all.prefix(400).compactMap { person -> (name: String, id: String)? in
            guard let misread = GB18030.decode(Array("\(person.name)-\(person.id).jpg".utf8)),
                  let name = PhotoName.parse(misread)?.personName, PhotoName.parse(misread)?.key == person.id else { return nil }
            return (name, person.id)
        }
        try #require(people.count >= 20)
        let dir = try Fixtures.scratch()
        let wrongSize = ZipPayload(PhotoPainter().jpeg(width: 31, height: 40, background: .red, variant: 2))
        let original = CommonNames.all.prefix(400).filter { person in people.contains { $0.id == person.id } }
        let photos = try ArchiverStyle.oldMacUTF8.write(original.enumerated().map { k, p in ("\(p.name)-\(p.id).jpg", k == 0 ? wrongSize : Self.photo) }, in: dir)
        #expect(try PhotoArchive.catalog(path: photos, limits: ArchiveLimits()).nameEncoding.encoding == .utf8)

        let report = validate(try CommonNames.roster(people, in: dir), photos)
        #expect(report.photoNames?.encoding == .gb18030 && report.photoNames?.basis == .roster)
        let photoProblems = report.problems.filter { $0.code.hasPrefix("photo.") }
        #expect(photoProblems.map(\.code) == ["photo.dimensions"])
        let dimensions = try #require(photoProblems.first)
        #expect(dimensions.row == 2 && dimensions.entry == "\(people[0].name)-\(people[0].id).jpg")
    }

    // MARK: refused archives

    @Test func aRefusedArchiveLeavesEveryRowWithoutAPhoto() throws {
        let roster = Fixtures.external("openpyxl-basic.xlsx")
        var byCount = options()
        byCount.limits.maxEntries = 2
        var bySize = options()
        bySize.limits.maxTotalBytes = 1_000
        let cases: [(photos: String, options: ValidationOptions, reason: String)] = [
            (Fixtures.external("utf8-names.zip"), byCount, "more than the limit of 2"),
            (Fixtures.external("gbk-names.zip"), bySize, "the archive expands to"),
            (Fixtures.external("gbk.csv"), byCount, "cannot be opened"),
        ]
        for (photos, options, reason) in cases {
            let report = validate(roster, photos, options: options)
            #expect(report.rows == 5 && report.valid == 0, "\(photos)")
            let missing = report.problems.filter { $0.code == "photo.missing" }
            #expect(missing.compactMap(\.row).sorted() == [3, 4, 5, 6, 7], "\(photos)")
            #expect(missing.allSatisfy { $0.severity == .error && $0.message(.en).contains(reason) }, "\(missing.first?.message(.en) ?? "")")
            #expect(report.problems.contains { $0.code.hasPrefix("archive.") && $0.message(.en).contains(reason) })
            #expect(report.photoNames == nil)
        }
    }

    @Test func otherFilesInAnArchiveAreOneWarning() throws {
        let photo = ZipPayload(PhotoPainter().jpeg(background: .red, variant: 3))
        let litter = ZipPayload(Array("notes".utf8))
        let dir = try Fixtures.scratch()
        var entries: [(name: String, bytes: ZipPayload)] = [("照片/张伟-110101199003071233.jpg", photo)]
        for name in ["说明.txt", "名单.xlsx", "名单.xls", "名单.csv", "照片.db", "desktop.ini", ".DS_Store", "报名表.doc", "报名表.docx",
                     "须知.pdf", "日志.log", "网站.url", "快捷方式.lnk", "旧.bak", "~临时.tmp"] {
            entries.append(("照片/" + name, litter))
        }
        let photos = try ArchiverStyle.windowsGBK.write(entries, in: dir)
        let report = validate(Fixtures.external("openpyxl-basic.xlsx"), photos, options: Fixtures.options(background: false))
        #expect(report.photos == 1)
        let other = report.problems.filter { $0.code == "archive.other-files" }
        #expect(other.count == 1)
        #expect(other.first?.severity == .warning && other.first?.value == "13")         // desktop.ini and .DS_Store are litter, skipped
        #expect(other.first?.message(.zh).contains("照片/说明.txt") == true)
        #expect(!report.problems.contains { ["photo.unreadable", "photo.format", "photo.filename"].contains($0.code) })
        #expect(report.problems.filter { $0.code == "photo.missing" }.count == 4)        // only the four without a photo
    }
}
