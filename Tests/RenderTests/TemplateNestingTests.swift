import Foundation
import Testing
@testable import Render

/// Templates nested thousands of levels deep overflowed the stack in Yams, as job files did (the job fuzzer
/// found it; templates are composed by Yams the same way): they are refused with the line, before Yams
/// builds any node.
@Suite struct TemplateNestingTests {
    static let findings = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/fuzz").path

    @Test(arguments: ["job/deep-flow-mappings.yaml", "job/deep-flow-sequences.yaml"])
    func theFuzzFindingsAreRefused(_ name: String) throws {
        let path = Self.findings + "/" + name
        let error = try #require(loadError(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)))
        #expect(error.line == 1)
        #expect(error.message(.en).contains("nested more than 100 levels deep"))
    }

    @Test(arguments: ["[", "{", "- ", "? "])
    func deepNestingIsRefused(_ opener: String) {
        let error = loadError(String(repeating: opener, count: 100_000))
        #expect(error?.line == 1)
        #expect(error?.message(.en).contains("nested more than 100 levels deep") == true)
    }

    @Test func theLimitIsExact() {
        let within = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(YAMLNesting.lineBeyondLimit(within) == nil)
        #expect(YAMLNesting.lineBeyondLimit("[" + within + "]") == 1)
        #expect(YAMLNesting.lineBeyondLimit("") == nil)
        #expect(YAMLNesting.lineBeyondLimit("a: [unclosed") == nil)   // invalid YAML: left to Yams to report
        #expect(loadError("a: [unclosed")?.message(.en).contains("not valid YAML") == true)
    }
}
