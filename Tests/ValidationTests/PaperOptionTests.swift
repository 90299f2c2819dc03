import Foundation
import Testing
import TestTools
import Roster
import Validation

/// `kaowu render` and `kaowu preview` paper options run as a user would: --ticket, --duplex, --labels,
/// --offset and --start, their mistakes (exit 2, naming the option and the range) and their pages.
@Suite(.serialized) struct PaperOptionTests {
    /// The demo roster's valid rows as after seating: with 准考证号 and 座位号 columns (a CSV written once).
    static let seatedRoster: (path: String, count: Int) = {
        let validated = Validator(options: ValidationOptions()).validateRoster(rosterPath: Fixtures.demoRoster, photosPath: Fixtures.demoPhotos)
        var csv = "姓名,性别,证件类型,身份证号,所属院校,报考科目,准考证号,座位号\n"
        for (k, c) in validated.candidates.enumerated() {
            let f = { (field: Field) in c.fields[field] ?? "" }
            csv += "\(c.name),\(f(.gender)),\(f(.idType)),\(c.idNumber),\(f(.school)),\(f(.subject)),26A0101\(String(format: "%03d", k + 1)),\(String(format: "%02d", k % 30 + 1))\n"
        }
        let path = (try! Fixtures.scratch()) + "/seated.csv"
        try! Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        return (path, validated.candidates.count)
    }()
    static var valid: Int { seatedRoster.count }
    /// The job values the built-in exam documents print.
    static let values = ["exam.title=2026年上半年职业技能等级证书考试", "site.name=第一考点", "site.address=上海市浦东新区科技路100号",
                         "room.name=第01考场", "room.address=A座301", "sessions.1=06月20日 09:00–11:00", "notice.1=携带准考证和身份证件",
                         "room.range=26A0101001 – 26A0101030", "room.count=30"]

    func render(_ arguments: [String], out: String) throws -> (status: Int32, stdout: String, stderr: String) {
        try CLI.run(["render"] + arguments + ["--data", Self.seatedRoster.path, "--photos", Fixtures.demoPhotos, "--out", out]
                    + Self.values.flatMap { ["--set", $0] })
    }

    func pages(_ path: String) throws -> Int {
        let info = try Tool.run("pdfinfo", [path]).output
        return info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last!) } ?? 0
    }

    /// --start is checked against the sheet: 1…8 on 2x4 labels, 1…21 on 3x7, 1…2 on a5-2up tickets; refused
    /// where a sheet holds one; every refusal exits 2 before the roster is read and writes nothing.
    @Test func startIsCheckedAgainstTheSheet() throws {
        let dir = try Fixtures.scratch(), out = dir + "/x.pdf"
        for (arguments, words) in [(["desk-label", "--start", "9"], "--start: must be within 1…8"),
                                   (["desk-label", "--start", "0"], "--start: must be within 1…8"),
                                   (["desk-label", "--labels", "3x7", "--start", "22"], "--start: must be within 1…21"),
                                   (["admission-ticket", "--ticket", "a5-2up", "--start", "3"], "--start: must be within 1…2"),
                                   (["admission-ticket", "--start", "2"], "--start: \"准考证\" prints one to a sheet"),
                                   (["sign-in-sheet", "--start", "2"], "--start: does not apply to \"考场签到表\": it is a list"),
                                   (["door-label", "--start", "1"], "--start: does not apply to \"门贴\"")] {
            let run = try render(arguments + ["--lang", "en"], out: out)
            #expect(run.status == 2 && run.stderr.contains(words), "\(arguments): \(run.stderr)")
            #expect(!run.stdout.contains("id.checksum"), "refused before the roster is read")
        }
        let zh = try render(["desk-label", "--start", "9"], out: out)
        #expect(zh.stderr.contains("--start：应在 1…8 之间"), "\(zh.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))

        // Where it means something, the first label goes at that place: starting at 21 of 3x7, the first label
        // takes the bottom right place of sheet 1 and the others follow on new sheets.
        let run = try render(["desk-label", "--labels", "3x7", "--start", "21"], out: out)
        #expect(run.status == 1)                                     // the demo's rows with errors are listed
        #expect(try pages(out) == 1 + (Self.valid - 1 + 20) / 21)
        let first = try PDFWord.all(in: out).filter { $0.page == 1 && $0.text == "准考证号" }
        #expect(first.count == 1 && first[0].xMM > 140 && first[0].yMM > 250, "\(first)")
    }

    @Test func offsetsAreMillimetresWithinTwenty() throws {
        let dir = try Fixtures.scratch()
        for bad in ["abc", "1", "1,2,3", "21,0", "0,-20.5", "nan,1"] {
            let run = try render(["door-label", "--offset", bad, "--lang", "en"], out: dir + "/x.pdf")
            #expect(run.status == 2 && run.stderr.contains("--offset"), "\(bad): \(run.stderr)")
        }
        // A negative first number is the option's value, not another option.
        #expect(try render(["door-label"], out: dir + "/plain.pdf").status == 1)
        #expect(try render(["door-label", "--offset", "-2.5,4"], out: dir + "/moved.pdf").status == 1)
        #expect(try render(["door-label", "--offset=-2.5，4"], out: dir + "/moved2.pdf").status == 1)
        let plain = try PDFWord.all(in: dir + "/plain.pdf"), moved = try PDFWord.all(in: dir + "/moved.pdf")
        #expect(!plain.isEmpty && moved.map(\.text) == plain.map(\.text))
        for (a, b) in zip(plain, moved) { #expect(abs(b.xMM - a.xMM + 2.5) < 0.01 && abs(b.yMM - a.yMM - 4) < 0.01, "\(a.text)") }
        #expect(try PDFWord.all(in: dir + "/moved2.pdf") == moved)
    }

    @Test func ticketPaperAndBothSides() throws {
        let dir = try Fixtures.scratch()
        #expect(try render(["admission-ticket", "--ticket", "a5", "--duplex"], out: dir + "/a5.pdf").status == 1)
        #expect(try pages(dir + "/a5.pdf") == 2 * Self.valid)
        #expect(try Tool.run("pdfinfo", [dir + "/a5.pdf"]).output.contains("595.276 x 419.528 pts"))
        #expect(try render(["admission-ticket", "--ticket", "A5-2UP"], out: dir + "/2up.pdf").status == 1)
        #expect(try pages(dir + "/2up.pdf") == (Self.valid + 1) / 2)
        for (arguments, words) in [(["admission-ticket", "--ticket", "a3"], "--ticket must be a4, a5, a5-2up"),
                                   (["admission-ticket", "--ticket", "a4", "--duplex"], "--duplex: a4 already prints the back"),
                                   (["desk-label", "--duplex"], "--duplex: \"桌贴\" has no back"),
                                   (["desk-label", "--ticket", "a5"], "--ticket: applies to documents with one record per page")] {
            let run = try render(arguments + ["--lang", "en"], out: dir + "/x.pdf")
            #expect(run.status == 2 && run.stderr.contains(words), "\(arguments): \(run.stderr)")
        }
    }

    @Test func labelStock() throws {
        let dir = try Fixtures.scratch()
        #expect(try render(["desk-label", "--labels", "2x5"], out: dir + "/2x5.pdf").status == 1)
        #expect(try pages(dir + "/2x5.pdf") == (Self.valid + 9) / 10)
        #expect(try render(["desk-label", "--labels", "L7165"], out: dir + "/default.pdf").status == 1)
        #expect(try render(["desk-label"], out: dir + "/plain.pdf").status == 1)
        #expect(try PDFWord.all(in: dir + "/default.pdf") == PDFWord.all(in: dir + "/plain.pdf"))
        for (arguments, words) in [(["desk-label", "--labels", "4x4"], "unknown label stock \"4x4\" (known: 2x4 (L7165), 2x5 (L7173), 3x7 (L7160))"),
                                   (["attendance-card", "--labels", "2x4"], "--labels: 2x4 (L7165) labels are 99.1×67.7 mm; \"听课证\" cards are 85.6×54 mm"),
                                   (["door-label", "--labels", "2x4"], "--labels: does not apply to \"门贴\"")] {
            let run = try render(arguments + ["--lang", "en"], out: dir + "/x.pdf")
            #expect(run.status == 2 && run.stderr.contains(words), "\(arguments): \(run.stderr)")
        }
        // preview takes the paper options too.
        let preview = try CLI.run(["preview", "desk-label", "--labels", "3x7", "--out", dir + "/3x7.pdf"])
        #expect(try preview.status == 0 && pages(dir + "/3x7.pdf") == 1)
        #expect(try PDFWord.all(in: dir + "/3x7.pdf").filter { $0.text == "准考证号" }.count == 21)
    }
}
