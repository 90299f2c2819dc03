import Foundation
import Testing
import TestTools

/// The README's command examples run as written: every ```sh block is run, in README order, in one scratch
/// folder holding a copy of `fixtures/` and `templates/`, with the debug `kaowu` first on the PATH — as a new
/// user following the README top to bottom would. A command ends with the exit status its line announces
/// (`# exit 1: …`), else 0. A block preceded by `<!-- illustration: REASON -->` is not run (it needs the user's
/// own files, builds, or runs for minutes); the reason must be given.
@Suite("README examples")
struct ReadmeExampleTests {
    /// One command line of a block (continuation lines joined), with the exit status it announces.
    struct Example {
        let line: Int
        let command: String
        let expectedStatus: Int32
    }

    /// A fenced sh block: its commands, or why it is not run.
    struct Block {
        let line: Int
        var examples: [Example] = []
        var illustration: String?
    }

    static func blocks(in readme: String) -> [Block] {
        var blocks: [Block] = []
        var current: Block?
        var previous = ""
        var pending = "", pendingLine = 0
        for (index, raw) in readme.components(separatedBy: "\n").enumerated() {
            let number = index + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if current == nil {
                if line == "```sh" {
                    var block = Block(line: number)
                    if previous.hasPrefix("<!-- illustration:") {
                        block.illustration = previous.dropFirst("<!-- illustration:".count).replacingOccurrences(of: "-->", with: "")
                            .trimmingCharacters(in: .whitespaces)
                    }
                    current = block
                }
                if !line.isEmpty { previous = line }
                continue
            }
            if line == "```" {
                blocks.append(current!)
                current = nil
                previous = ""
                continue
            }
            if line.isEmpty || (line.hasPrefix("#") && pending.isEmpty) { continue }
            if pending.isEmpty { pendingLine = number }
            if line.hasSuffix("\\") {
                pending += String(line.dropLast()) + " "
                continue
            }
            let command = pending + line
            pending = ""
            current!.examples.append(Example(line: pendingLine, command: command, expectedStatus: expectedStatus(command)))
        }
        return blocks
    }

    /// The status a command line announces in its comment (`# exit 1: …`), else 0.
    static func expectedStatus(_ command: String) -> Int32 {
        guard let range = command.range(of: "# exit ") else { return 0 }
        let digits = command[range.upperBound...].prefix { $0.isNumber }
        return Int32(digits) ?? 0
    }

    @Test func everyRunnableExampleRunsAsWritten() throws {
        let root = Kaowu.root.path
        let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
        let blocks = Self.blocks(in: readme)
        let scratch = try Tool.scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        for folder in ["fixtures", "templates"] {
            // templates/ is a link to the built-in templates: the copy holds the files, not the link.
            let source = URL(fileURLWithPath: root + "/" + folder).resolvingSymlinksInPath().path
            try FileManager.default.copyItem(atPath: source, toPath: scratch + "/" + folder)
        }
        var ran = 0
        for block in blocks {
            if let reason = block.illustration {
                #expect(!reason.isEmpty, "README line \(block.line): an illustration needs a reason")
                continue
            }
            for example in block.examples {
                let result = try Self.shell(example.command, in: scratch, path: root + "/.build/debug")
                ran += 1
                #expect(result.status == example.expectedStatus,
                        "README line \(example.line): `\(example.command)` exited \(result.status), expected \(example.expectedStatus)\n\(result.stderr.suffix(2000))")
                #expect(!result.stderr.contains("Fatal error") && result.status < 64,
                        "README line \(example.line): `\(example.command)` crashed\n\(result.stderr.suffix(2000))")
            }
        }
        #expect(ran >= 10, "only \(ran) README commands ran: is the README test reading the blocks?")
    }

    @Test func blocksAreReadWithTheirAnnotations() {
        let text = """
        <!-- illustration: needs your own roster -->
        ```sh
        kaowu validate --roster mine.xlsx
        ```

        ```sh
        # a comment line
        kaowu render door-label \\
          --out a.pdf   # exit 1: the roster has errors
        kaowu template roster --out t.xlsx
        ```
        """
        let blocks = Self.blocks(in: text)
        #expect(blocks.count == 2)
        #expect(blocks[0].illustration == "needs your own roster")
        #expect(blocks[1].illustration == nil)
        #expect(blocks[1].examples.map(\.expectedStatus) == [1, 0])
        #expect(blocks[1].examples[0].command.hasPrefix("kaowu render door-label  --out a.pdf"))
    }

    static func shell(_ command: String, in directory: String, path: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
