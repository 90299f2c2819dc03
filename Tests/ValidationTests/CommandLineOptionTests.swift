import Foundation
import Roster
import Testing

/// The command line's shape: `--lang` before or after the command, the nested commands (`bench …`,
/// `template …`, `generate …`), and option mistakes found before anything runs (exit 2).
@Suite(.serialized) struct CommandLineOptionTests {
    @Test func langBeforeOrAfterTheCommandIsTheSame() throws {
        let roster = ["--roster", Fixtures.demoRoster, "--photos", Fixtures.demoPhotos, "--today", "2026-06-01"]
        let before = try CLI.run(["--lang", "en", "validate"] + roster)
        let after = try CLI.run(["validate"] + roster + ["--lang", "en"])
        #expect(before.status == 1 && after.status == 1, "\(before.stderr)\(after.stderr)")
        #expect(before.stdout.contains("146 rows"), "\(before.stdout)")
        #expect(before.stdout == after.stdout)
        let chinese = try CLI.run(["validate"] + roster)
        #expect(chinese.stdout.contains("共 146 行") && chinese.stdout != before.stdout)
        // And for a command under a group.
        let dir = try Fixtures.scratch()
        #expect(try CLI.run(["--lang", "en", "template", "roster", "--out", dir + "/a.xlsx"]).status == 0)
        #expect(try CLI.run(["template", "roster", "--out", dir + "/b.xlsx", "--lang", "en"]).status == 0)
        // The workbooks carry their creation time, so their cells are compared.
        func cells(_ path: String) throws -> [[String]] {
            let reader = try XlsxReader(path: path)
            var rows: [[String]] = []
            while let row = try reader.nextRow() { rows.append(row.cells.map(\.text)) }
            return rows
        }
        let english = try cells(dir + "/a.xlsx")
        let other = try cells(dir + "/b.xlsx")
        #expect(!english.isEmpty && english == other)
    }

    @Test func aLanguageOtherThanZhOrEnIsAUsageErrorNamingBoth() throws {
        for arguments in [["--lang", "fr", "validate", "--roster", Fixtures.demoRoster], ["validate", "--roster", Fixtures.demoRoster, "--lang", "fr"],
                          ["template", "roster", "--out", "/tmp/never.xlsx", "--lang", "de"], ["preview", "door-label", "--out", "/tmp/never.png", "--lang", "fr"]] {
            let run = try CLI.run(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains("--lang") && run.stderr.contains("zh") && run.stderr.contains("en"), "\(arguments): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.xlsx"))
    }

    @Test func everyCommandShowsLangInItsHelp() throws {
        for command in [[], ["validate"], ["pack"], ["render"], ["preview"], ["template"], ["template", "roster"], ["generate", "demo"], ["bench", "pack"]] {
            let help = try CLI.run(command + ["--help"])
            #expect(help.status == 0, "\(command)")
            #expect(help.stdout.contains("--lang"), "\(command): \(help.stdout)")
        }
    }

    @Test func groupsAreRealSubcommands() throws {
        let help = try CLI.run(["bench", "--help"])
        for name in ["validate", "render", "pack"] { #expect(help.stdout.contains(name), "\(help.stdout)") }
        #expect(try CLI.run(["generate", "--help"]).stdout.contains("synthetic"))
        #expect(try CLI.run(["template", "--help"]).stdout.contains("roster"))
        // A group without one of its commands, or with an unknown one, is a usage error.
        for arguments in [["bench"], ["template"], ["generate"], ["bench", "seat"], ["template", "job", "--out", "/tmp/never.xlsx"],
                          ["generate", "nonsense", "--out", "/tmp/never"]] {
            let run = try CLI.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(!run.stderr.isEmpty, "\(arguments)")
        }
        let missing = try CLI.run(["bench", "--lang", "en"])
        #expect(missing.stderr.contains("validate, render, pack"), "\(missing.stderr)")
        // Options of one bench command are not taken by another; sizes are checked.
        #expect(try CLI.run(["bench", "validate", "--pages", "5"]).status == 2)
        #expect(try CLI.run(["bench", "pack", "--rows", "10000,abc"]).status == 2)
        #expect(try CLI.run(["bench", "validate", "--rows", "0"]).status == 2)
        #expect(try CLI.run(["bench", "render", "--repeats", "0"]).status == 2)
    }

    @Test func optionMistakesAreFoundBeforeAnyFileIsRead() throws {
        // The roster does not exist: each option mistake is reported instead of the missing file.
        let missing = "/nonexistent/名单.xlsx"
        for (options, named) in [(["--photo-size", "big"], "--photo-size"), (["--map", "x=nosuchfield"], "--map"),
                                 (["--photo-background", "green"], "--photo-background"), (["--today", "2026-02-30"], "--today"),
                                 (["--threads", "0"], "--threads")] {
            let run = try CLI.run(["validate", "--roster", missing] + options)
            #expect(run.status == 2, "\(options)")
            #expect(run.stderr.contains(named) && !run.stderr.contains(missing), "\(options): \(run.stderr)")
        }
        let english = try CLI.run(["--lang", "en", "validate", "--roster", missing, "--photo-size", "big"])
        #expect(english.stderr.contains("WIDTHxHEIGHT"), "\(english.stderr)")
        let kind = try CLI.run(["render", "diploma", "--data", missing, "--out", "/tmp/never.pdf"])
        #expect(kind.status == 2 && kind.stderr.contains("diploma") && kind.stderr.contains("admission-ticket"), "\(kind.stderr)")
        #expect(try CLI.run(["render", "--data", missing, "--out", "/tmp/never.pdf"]).status == 2)
        let setting = try CLI.run(["render", "door-label", "--data", missing, "--set", "nonsense", "--out", "/tmp/never.pdf"])
        #expect(setting.status == 2 && setting.stderr.contains("--set") && !setting.stderr.contains(missing), "\(setting.stderr)")
        #expect(try CLI.run(["preview", "diploma", "--out", "/tmp/never.png"]).status == 2)
        #expect(try CLI.run(["generate", "synthetic", "--rows", "0", "--out", "/tmp/never"]).status == 2)
        for never in ["/tmp/never.pdf", "/tmp/never.png", "/tmp/never"] { #expect(!FileManager.default.fileExists(atPath: never)) }
    }
}
