import Certify
import Foundation
import Render
import Support
import Testing

/// The certificate job file: every key read and checked, mistakes named by file, line and key, all at once.
@Suite struct CertifyJobTests {
    static let demoJob = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/demo/培训证书.yaml").path

    @Test func theDemoJobReads() throws {
        let job = try CertifyJobLoader.load(path: Self.demoJob)
        #expect(job.kind == "电子证书")
        #expect(job.template.hasSuffix("e-certificate.yaml"))
        #expect(job.title == "上海市“培训师”证书")
        #expect(job.issued == CivilDate(year: 2026, month: 7, day: 20))
        #expect(job.validity == .years(5))
        #expect(job.verifyURL == "https://v.shpx.org.cn")
        #expect(job.passRules == [PassRule(column: "考核成绩", test: .atLeast(60))])
        #expect(job.columns == ["培训类别", "培训项目", "考核成绩"])
        #expect(job.roster.hasSuffix("fixtures/demo/学员名单.xlsx"))
        #expect(job.photoRules.width == 413 && job.photoRules.height == 579)
        #expect(job.batch.hasSuffix("培训证书.batch.json"))
    }

    @Test func everyMistakeIsNamedByLineAndKey() throws {
        let yaml = """
        issuer: {keys: keys/, verify-url: ftp://nope}
        certificate:
          kind: 毕业证
          title: 证书
          issued: 2026-02-30
          valid: 5 decades
          number: "{issuer.code}{seq:0}"
          colour: red
        inputs: {roster: a.xlsx}
        pass: {column: 成绩, at-least: 60, equals: 是}
        """
        do {
            _ = try CertifyJobLoader.load(yaml: yaml, file: "/tmp/job.yaml")
            Issue.record("a job with mistakes was accepted")
        } catch let mistake as FileMistake {
            let all = [mistake] + mistake.more
            let keys = all.map(\.key)
            #expect(keys.contains("issuer.verify-url"))
            #expect(keys.contains("certificate.colour"))
            #expect(keys.contains("pass"))
            let text = mistake.message(.zh)
            #expect(text.contains("/tmp/job.yaml:1"))
            // The certificate block stops at its first mistake (kind) but the others still report.
            #expect(all.allSatisfy { $0.line != nil })
        }
    }

    @Test func aPostgreSQLRegistryIsRefusedWithTheWayToImport() throws {
        let demo = try String(contentsOfFile: Self.demoJob, encoding: .utf8)
        let yaml = demo.replacingOccurrences(of: "registry: ../../out/证书库.sqlite", with: "registry: postgres://kaowu:pw@db.example.org/registry")
        #expect(yaml != demo)
        do {
            _ = try CertifyJobLoader.load(yaml: yaml, file: Self.demoJob)
            Issue.record("a job naming a PostgreSQL registry was accepted")
        } catch let mistake as FileMistake {
            let all = [mistake] + mistake.more
            #expect(all.map(\.key) == ["registry"], "\(all.map(\.key))")
            #expect(mistake.message(.zh).contains("kaowu registry import"), "\(mistake.message(.zh))")
            #expect(mistake.message(.en).contains("not a PostgreSQL URL"))
        }
    }

    @Test func validityEndsTheDayBefore() {
        let issued = CivilDate(year: 2026, month: 7, day: 20)!
        #expect(Validity.parse("5y")?.lastDay(from: issued) == CivilDate(year: 2031, month: 7, day: 19))
        #expect(Validity.parse("5年")?.lastDay(from: issued) == CivilDate(year: 2031, month: 7, day: 19))
        #expect(Validity.parse("36m")?.lastDay(from: issued) == CivilDate(year: 2029, month: 7, day: 19))
        #expect(Validity.parse("1y")?.lastDay(from: CivilDate(year: 2024, month: 2, day: 29)!) == CivilDate(year: 2025, month: 2, day: 27))
        #expect(Validity.parse("1m")?.lastDay(from: CivilDate(year: 2026, month: 12, day: 31)!) == CivilDate(year: 2027, month: 1, day: 30))
        #expect(Validity.parse("长期") == .permanent)
        #expect(Validity.parse("长期")?.lastDay(from: issued) == nil)
        for bad in ["", "0y", "-1y", "5", "y", "101y", "1e3y"] { #expect(Validity.parse(bad) == nil, "\(bad)") }
    }

    @Test func passRules() {
        let score = PassRule(column: "考核成绩", test: .atLeast(60))
        #expect(score.check("60") == nil)
        #expect(score.check("８６") == nil)
        #expect(score.check("86.5分") == nil)
        #expect(score.check("59.5") == .below(value: "59.5", mark: 60))
        #expect(score.check(" ") == .blank)
        #expect(score.check(nil) == .blank)
        #expect(score.check("缺考") == .unreadable(value: "缺考"))
        #expect(score.check("nan") == .unreadable(value: "nan"))
        let verdict = PassRule(column: "是否合格", test: .oneOf(["是", "合格"]))
        #expect(verdict.check("合格") == nil)
        #expect(verdict.check("否") == .notAccepted(value: "否", accepted: ["是", "合格"]))
        #expect(PassRule.Failure.below(value: "52", mark: 60).text(column: "考核成绩").zh == "考核成绩 52 低于 60")
    }

    @Test func numberPatterns() throws {
        let pattern = try CertificateNumberPattern("{issuer.code}{year}{seq:6}")
        let parts = try pattern.parts(issuerCode: "SHPX", year: 2026) { _ in nil }
        #expect(parts.prefix == "SHPX2026{seq:6}")
        #expect(parts.number(123) == "SHPX2026000123")
        #expect(parts.number(1_234_567) == "SHPX20261234567")
        let columns = try CertificateNumberPattern("PX-{培训项目代码}-{seq:4}")
        #expect(try columns.parts(issuerCode: "X", year: 2026) { $0 == "培训项目代码" ? "cz01" : nil }.number(7) == "PX-CZ01-0007")
        #expect(throws: CertificateNumberPattern.ColumnMistake.self) { try columns.parts(issuerCode: "X", year: 2026) { _ in "创客" } }
        for bad in ["{issuer.code}{year}", "SHPX{seq:0}", "{seq}{seq}", "证书{seq}", "{seq", "{}"] {
            #expect(throws: CertificateNumberPattern.Failure.self, "\(bad)") { try CertificateNumberPattern(bad) }
        }
        #expect(try CertificateNumberPattern("{证书编号}").columns == ["证书编号"])
    }
}
