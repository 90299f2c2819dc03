import Foundation
import Testing
@testable import Pack
import Render

/// Job files nested thousands of levels deep, as the job fuzzer (scripts/fuzz) made them: Yams builds its
/// nodes recursively, so they overflowed the stack. They are refused before Yams sees them, naming the line.
@Suite struct JobNestingTests {
    static let findings = PackFixtures.path("fixtures/fuzz/job")
    let loader = JobLoader(builtInTemplate: { PackFixtures.templates + "/\($0).yaml" })

    func error(_ load: () throws -> Job) -> JobError? {
        do { _ = try load() } catch let error as JobError { return error } catch { Issue.record("unexpected \(error)") }
        return nil
    }

    /// The fuzzer's finding (2,209 bytes of `{{{…<<: {{{…`, ending in bytes that are not UTF-8) and its
    /// minimised form (4,753 × `[`), read as the harness reads them (invalid UTF-8 repaired: a job file
    /// read from disk that is not UTF-8 is refused before YAML).
    @Test(arguments: ["deep-flow-mappings.yaml", "deep-flow-sequences.yaml"])
    func theFuzzFindingsAreRefused(_ name: String) throws {
        let file = Self.findings + "/" + name
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self)
        let error = try #require(error { try loader.load(yaml: text, file: file) })
        #expect(error.file == file)
        #expect(error.line == 1)
        #expect(error.text.en.contains("nested more than 100 levels deep"))
        #expect(error.text.zh.contains("嵌套超过 100 层"))
    }

    /// Every way YAML nests, 100,000 levels deep (each would overflow the stack of any build).
    @Test(arguments: ["[", "{", "- ", "? ", "{a: "])
    func deepNestingIsRefused(_ opener: String) throws {
        let yaml = String(repeating: opener, count: 100_000)
        let error = try #require(error { try loader.load(yaml: yaml, file: "deep.yaml") })
        #expect(error.line == 1)
        #expect(error.text.en.contains("nested more than 100 levels deep"))
    }

    /// Block mappings indented one more space per level: refused on the line of the 101st level.
    @Test func deepIndentationNamesTheLine() throws {
        let yaml = (0..<150).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " v\n"
        let error = try #require(error { try loader.load(yaml: yaml, file: "deep.yaml") })
        #expect(error.line == 101)
    }

    /// A job nested within the limit still gets its ordinary key checks.
    @Test func nestingWithinTheLimitIsCheckedAsUsual() throws {
        let yaml = "values: " + String(repeating: "[", count: 99) + String(repeating: "]", count: 99)
        let error = try #require(error { try loader.load(yaml: yaml, file: "ok.yaml") })
        #expect(error.key == "exam")
        #expect(YAMLNesting.lineBeyondLimit(yaml) == nil)
    }
}
