import Foundation
import Testing
import TestTools

/// English messages use ASCII punctuation ( ) " : , and Chinese ones full-width punctuation and “…”
/// quotes: checked on every message literal in Sources (so later additions are caught too) and on what the
/// command line prints with `--lang en`.
@Suite struct MessageWordingTests {
    /// Full-width and CJK punctuation, and curly quotes: none belongs in English text.
    static func isChinesePunctuation(_ scalar: Unicode.Scalar) -> Bool {
        (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFFEF).contains(scalar.value)
            || ["\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}"].contains(scalar)
    }

    static func sources() throws -> [(path: String, text: String)] {
        let root = Fixtures.path("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: root)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        return try files.sorted().map { ("Sources/" + $0, try String(contentsOfFile: root + "/" + $0, encoding: .utf8)) }
    }

    @Test func theLiteralReaderFindsEachLanguage() {
        let source = #"""
        // en: "（not code）"
        let a = LocalizedText(zh: "名单“\(x)”：", en: "roster \"\(names.joined(separator: "、"))\": (1)")
        let b = l.pick("（\(n)）", " (\(n))")
        let c = english ? "rows" : "行"
        let d = #"raw "quoted" \(not interpolated)"#
        """#
        let found = SwiftStringLiterals.literals(in: source)
        #expect(found.map(\.text) == ["名单“\u{FFFC}”：", "roster \\\"\u{FFFC}\\\": (1)", "、", "（\u{FFFC}）", " (\u{FFFC})", "rows", "行",
                                      "raw \"quoted\" \\(not interpolated)"])
        #expect(found.map(\.language) == [.chinese, .english, .english, .chinese, .english, .english, .unknown, .unknown])
        #expect(found.map(\.line) == [2, 2, 2, 3, 3, 4, 4, 5])
    }

    @Test func englishLiteralsHaveNoChinesePunctuation() throws {
        var offending: [String] = []
        var english = 0
        for (path, text) in try Self.sources() {
            for literal in SwiftStringLiterals.literals(in: text) where literal.language == .english {
                english += 1
                if literal.text.unicodeScalars.contains(where: Self.isChinesePunctuation) {
                    offending.append("\(path):\(literal.line): \(literal.text)")
                }
            }
        }
        #expect(english > 300, "the reader finds the English messages (\(english))")
        #expect(offending.isEmpty, "\(offending.joined(separator: "\n"))")
    }

    @Test func chineseLiteralsUseFullWidthPunctuation() throws {
        let han = "[\\x{3400}-\\x{9FFF}]"
        let wrong: [(String, Regex<AnyRegexOutput>)] = try [
            ("ASCII quotes", Regex(#"\\""#)),
            ("ASCII , ; ? ! beside Chinese", Regex("\(han)\\s*[,;?!]|[,;?!]\\s*\(han)")),
            ("ASCII colon beside Chinese", Regex("\(han)\\s*:|:\\s+\(han)")),
            ("ASCII brackets around Chinese", Regex("\\([^()]*\(han)[^()]*\\)")),
            ("space beside full-width punctuation", Regex("\(han)\\s+[“（，。：；、]|[”），。：；、]\\s+\(han)")),
        ]
        var offending: [String] = []
        var chinese = 0
        for (path, text) in try Self.sources() {
            for literal in SwiftStringLiterals.literals(in: text) where literal.language == .chinese {
                chinese += 1
                // What is quoted (“rooms: 考场.xlsx”, a YAML example) is shown as typed; swift-argument-parser
                // begins its errors with "Error: " in every language.
                var words = literal.text.replacing(/“[^“”]*”/, with: "“”")
                if words.hasPrefix("Error: ") { words.removeFirst(7) }
                for (rule, regex) in wrong where (rule == "space beside full-width punctuation" ? literal.text : words).contains(regex) {
                    offending.append("\(path):\(literal.line): \(rule): \(literal.text)")
                }
            }
        }
        #expect(chinese > 300, "the reader finds the Chinese messages (\(chinese))")
        #expect(offending.isEmpty, "\(offending.joined(separator: "\n"))")
    }

    /// Output with the values kaowu quotes ("…": data from the user's files) taken out.
    static func ownWords(_ output: String) -> String {
        output.replacing(/"[^"\n]*"/, with: "\"\"")
    }

    @Test func englishCommandLineOutputHasNoChinesePunctuation() throws {
        let dir = try Fixtures.scratch()
        let runs: [[String]] = [
            ["validate", "--roster", Fixtures.demoRoster, "--photos", Fixtures.demoPhotos, "--photo-background", "red", "--today", "2026-06-01"],
            ["validate", "--roster", Fixtures.demoRoster, "--photos", Fixtures.demoPhotos, "--report", dir + "/report.xlsx", "--today", "2026-06-01"],
            ["validate", "--roster", Fixtures.demoRoster, "--map", "学员证号=id"],
            ["validate", "--roster", Fixtures.demoRoster, "--sheet", "9"],
            ["validate", "--roster", Fixtures.demoRoster, "--photo-background", "green"],
            ["validate", "--roster", Fixtures.demoRoster, "--map", "x=nosuchfield"],
            ["validate", "--roster", Fixtures.demoRoster, "--today", "2026-13-01"],
            ["validate", "--roster", Fixtures.demoRoster, "--max-photo-mb", "0"],
            ["validate", "--roster", "/nonexistent/名单.xlsx"],
            ["validate", "--roster", Fixtures.demoRoster, "--nonsense"],
            ["render", "admission-ticket", "--data", Fixtures.demoRoster, "--out", dir + "/t.pdf", "--set", "exam.title=2026年考试"],
            ["render", "no-such-kind", "--data", Fixtures.demoRoster, "--out", dir + "/x.pdf"],
            ["preview", "door-label", "--out", dir],
            ["pack", Fixtures.path("fixtures/demo/exam.yaml"), "--out", dir + "/pack"],
            ["template"],
        ]
        for arguments in runs {
            let run = try CLI.run(arguments + ["--lang", "en"])
            #expect(run.status != 0, "\(arguments)")
            let words = Self.ownWords(run.stdout + run.stderr)
            let bad = words.unicodeScalars.filter(Self.isChinesePunctuation)
            #expect(bad.isEmpty, "\(arguments): \(String(String.UnicodeScalarView(bad)))\n\(run.stdout)\(run.stderr)")
        }
    }
}
