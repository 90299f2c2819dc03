import Foundation
import Seating
import Testing
import TestTools

/// `kaowu pack` on the bundled demo job: every valid candidate once everywhere, numbers, schools, bytes.
@Suite(.serialized) struct DemoPackTests {
    /// One demo pack shared by the tests of this suite (made once: rendering takes seconds).
    static let made: Result<(pack: String, stdout: String, status: Int32), Error> = Result {
        let dir = try Tool.scratch()
        let r = try PackFixtures.kaowu(["pack", PackFixtures.demoJob, "--out", dir + "/pack"])
        return (dir + "/pack", r.stdout, r.status)
    }

    @Test func exitsOneListsTheRefusedRowsAndSaysWhereThePackIs() throws {
        let (pack, stdout, status) = try Self.made.get()
        #expect(status == 1)
        #expect(stdout.contains("第 115 行"))
        #expect(stdout.contains("已排考 122 人（134 科次）"), "\(stdout)")
        #expect(stdout.contains("材料目录：\(pack)/"))
        #expect(stdout.contains("压缩包：  \(pack).zip"))
        #expect(FileManager.default.fileExists(atPath: pack + ".zip"))
        for file in ["排考明细.xlsx", "校验报告.xlsx", "report.json", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: pack + "/" + file), "\(file)")
        }
    }

    /// The folder of a plan row's sitting: <考点>/<考场>/<date HH时MM分 subject>.
    static func folder(_ row: [String: String]) -> String {
        let time = row["考试时间"]!
        let start = time.dropFirst(11).prefix(5)
        return "\(row["考点"]!)/\(row["考场"]!)/\(time.prefix(10)) \(start.prefix(2))时\(start.suffix(2))分 \(row["报考科目"]!)"
    }

    @Test func everyRegistrationIsOnceOnItsSessionsSheetAndLabelsAndEveryCandidateOnOneTicket() throws {
        let (pack, _, _) = try Self.made.get()
        let plan = try PackFixtures.plan(pack)
        #expect(plan.count == 134, "one row per registration")
        // The valid rows according to the pack's own report.
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: pack + "/report.json"))) as! [String: Any]
        #expect(report["valid"] as? Int == 128)
        let ids = plan.map { $0["证件号码"]! }
        #expect(Set(ids).count == 122)
        // One number per candidate for the whole exam.
        let numberOf = Dictionary(grouping: plan, by: { $0["证件号码"]! }).mapValues { Set($0.map { $0["准考证号"]! }) }
        #expect(numberOf.values.allSatisfy { $0.count == 1 })
        let numbers = Set(plan.map { $0["准考证号"]! })
        #expect(numbers.count == 122)
        for (folder, rows) in Dictionary(grouping: plan, by: Self.folder) {
            let labels = try Tool.run("pdftotext", ["-layout", pack + "/" + folder + "/桌贴.pdf", "-"]).output
            let sheet = try Tool.run("pdftotext", ["-layout", pack + "/" + folder + "/签到表.pdf", "-"]).output
            let here = Set(rows.map { $0["准考证号"]! })
            for number in here {
                #expect(PackFixtures.count(number, in: labels) == 1, "desk label \(number) in \(folder)")
                #expect(PackFixtures.count(number, in: sheet) == 1, "sign-in row \(number) in \(folder)")
            }
            // Nobody else on this session's sheet and labels.
            #expect(Set(sheet.matches(of: /26A\d{10}/).map { String($0.output) }) == here, "\(folder)")
            #expect(Set(labels.matches(of: /26A\d{10}/).map { String($0.output) }) == here, "\(folder)")
        }
        let tickets = try PackFixtures.text(ofAll: "准考证.pdf", in: pack)
        for number in numbers { #expect(PackFixtures.count(number, in: tickets) == 1, "ticket \(number)") }
        #expect(Set(tickets.matches(of: /26A\d{10}/).map { String($0.output) }) == numbers)
        // One ticket file per candidate, named by number.
        let files = try FileManager.default.contentsOfDirectory(atPath: pack + "/准考证")
        #expect(Set(files) == Set(numbers.map { $0 + ".pdf" }))
    }

    @Test func eachTicketListsAllOfItsCandidatesSessionsInTimeOrder() throws {
        let (pack, _, _) = try Self.made.get()
        let plan = try PackFixtures.plan(pack)
        let byPerson = Dictionary(grouping: plan, by: { $0["证件号码"]! })
        let twoSubjects = byPerson.values.filter { $0.count == 2 }
        #expect(twoSubjects.count == 12, "the demo's 1+X group")
        for rows in twoSubjects {
            let number = rows[0]["准考证号"]!
            let text = try Tool.run("pdftotext", ["-layout", pack + "/准考证/\(number).pdf", "-"]).output
            let lines = text.split(separator: "\n").map(String.init)
            let ordered = rows.sorted { $0["考试时间"]! < $1["考试时间"]! }
            var previous = -1
            for row in ordered {
                let time = String(row["考试时间"]!.dropFirst(11))
                let line = try #require(lines.firstIndex { $0.contains(row["报考科目"]!) && $0.contains(time) && $0.contains(row["考场"]!) },
                                        "\(number): no line for \(row["报考科目"]!) \(time) in \(text)")
                #expect(lines[line].contains(String(format: "%02d", Int(row["座位号"]!)!)) && line > previous, "\(lines[line])")
                previous = line
            }
        }
        // Both registrations of a person with one row per subject and of one with both in one cell.
        #expect(Set(twoSubjects.flatMap { $0.map { $0["报考科目"]! } }) == ["基础考核", "实操考核"])
        #expect(Set(twoSubjects.map { Set($0.map { $0["名单行号"]! }).count }) == [1, 2])
    }

    @Test func doorLabelsNameOnlyTheirSessionsNumbersAndRoomsAreReusedByOtherPeople() throws {
        let (pack, _, _) = try Self.made.get()
        let plan = try PackFixtures.plan(pack)
        for (folder, rows) in Dictionary(grouping: plan, by: Self.folder) {
            let door = try Tool.run("pdftotext", [pack + "/" + folder + "/门贴.pdf", "-"]).output
            let numbers = rows.map { $0["准考证号"]! }.sorted()
            let range = numbers.first == numbers.last ? numbers[0] : "\(numbers.first!) – \(numbers.last!)"
            #expect(door.contains("准考证号：\(range)") && door.contains("本考场 \(rows.count) 人"), "\(folder): \(door)")
            #expect(door.contains("科目：\(rows[0]["报考科目"]!)"))
            #expect(try Tool.run("pdfinfo", [pack + "/" + folder + "/门贴.pdf"]).output.contains("Pages:           1"))
        }
        // 第01考场 holds the 09:00 session and a different group at 13:30; 第03考场 two 实操 sessions.
        let byRoom = Dictionary(grouping: plan, by: { $0["考点"]! + "/" + $0["考场"]! })
        var reused = 0
        for rows in byRoom.values {
            let sessions = Dictionary(grouping: rows, by: { $0["场次代码"]! }).mapValues { Set($0.map { $0["证件号码"]! }) }
            guard sessions.count > 1 else { continue }
            reused += 1
            let groups = Array(sessions.values)
            for i in groups.indices { for j in groups.indices where j > i { #expect(groups[i].isDisjoint(with: groups[j])) } }
        }
        #expect(reused >= 2)
    }

    @Test func theRowsLeftOutAreListedOnceEachWithNameAndReasons() throws {
        let (pack, _, _) = try Self.made.get()
        let missing = try PackFixtures.sheet(pack + "/排考明细.xlsx", "未排考").dropFirst()
        let rows = missing.map { Int($0[0])! }
        #expect(rows == rows.sorted() && Set(rows).count == rows.count, "one line per row")
        #expect(rows.count == 146 - 128)
        let row127 = try #require(missing.first { $0[0] == "127" })
        #expect(!row127[1].isEmpty, "the name of a refused row is shown")
        // One clear reason: the document type is unknown, so the number is not also checked as a resident ID.
        #expect(row127[3].contains("军官证") && !row127[3].contains("；") && !row127[3].contains("18 位"), "\(row127)")
        // The row whose ID Excel damaged is not also said to lack its photo (its photo is named by the full number).
        let row116 = try #require(missing.first { $0[0] == "116" })
        #expect(row116[3].contains("Excel") && !row116[3].contains("照片"), "\(row116)")
    }

    @Test func everyCellOfBothWorkbooksIsAString() throws {
        let (pack, _, _) = try Self.made.get()
        for workbook in ["排考明细.xlsx", "校验报告.xlsx"] {
            let path = pack + "/" + workbook
            let sheets = try XlsxCells.sheets(of: path)
            #expect(sheets.count == (workbook == "排考明细.xlsx" ? 4 : 2))
            for sheet in sheets {
                let cells = try XlsxCells.cells(of: path, sheet: sheet)
                #expect(!cells.isEmpty, "\(workbook) \(sheet)")
                let numbers = cells.filter(\.holdsNonText)
                #expect(numbers.isEmpty, "\(workbook) \(sheet): \(numbers.prefix(5))")
            }
        }
        // Seats, counts and row numbers are text and read back as the numbers they are.
        let plan = try PackFixtures.plan(pack)
        #expect(plan.allSatisfy { Int($0["座位号"]!) != nil && Int($0["名单行号"]!) != nil && Int($0["序号"]!) != nil })
        let rooms = try PackFixtures.sheet(pack + "/排考明细.xlsx", "考场汇总")
        #expect(rooms.last?[4] == String(rooms.dropFirst().dropLast().map { Int($0[4])! }.reduce(0, +)))
    }

    @Test func ticketNumbersFollowThePatternAndTheFirstSessionsSeat() throws {
        let (pack, _, _) = try Self.made.get()
        for rows in Dictionary(grouping: try PackFixtures.plan(pack), by: { $0["证件号码"]! }).values {
            // {exam.code}{session.code}{site.code:4}{room:2}{seat:2} of the candidate's first session; the room is its
            // position within the site (here its name's number).
            let row = rows.min { $0["考试时间"]! < $1["考试时间"]! }!
            let room = row["考场"]!.filter(\.isNumber)
            let seat = String(format: "%02d", Int(row["座位号"]!)!)
            #expect(row["准考证号"] == "26A" + row["场次代码"]! + row["考点代码"]! + String(format: "%02d", Int(room)!) + seat, "\(row)")
        }
    }

    @Test func roomsHoldOnlyTheirModeAndNoSeatTwiceInOneSession() throws {
        let (pack, _, _) = try Self.made.get()
        let plan = try PackFixtures.plan(pack)
        var seats = Set<String>()
        let rooms = try PackFixtures.sheet(pack + "/排考明细.xlsx", "考场汇总")
        for row in plan {
            #expect(seats.insert(row["考点"]! + row["考场"]! + row["场次代码"]! + "#" + row["座位号"]!).inserted)
            let room = rooms.first { $0.count > 3 && $0[0] == row["考点"] && $0[2] == row["考场"] }
            #expect(room?[3] == row["考试方式"])
        }
        // 考场汇总: one line per room and session, the seated count of each as in the plan.
        for line in rooms.dropFirst().dropLast() where !line[6].isEmpty {
            let seated = plan.filter { $0["考点"] == line[0] && $0["考场"] == line[2] && $0["场次代码"] == line[6] }
            #expect(String(seated.count) == line[9], "\(line)")
        }
    }

    @Test func noTwoNeighboursShareASchoolUnlessReported() throws {
        let (pack, _, _) = try Self.made.get()
        let plan = try PackFixtures.plan(pack)
        let rooms = try PackFixtures.sheet(pack + "/排考明细.xlsx", "考场汇总")
        let reported = try PackFixtures.sheet(pack + "/排考明细.xlsx", "同校相邻").dropFirst()
        var clashes = 0
        for group in Dictionary(grouping: plan, by: { $0["考点"]! + "/" + $0["考场"]! + "/" + $0["场次代码"]! }).values {
            let first = group[0]
            let info = rooms.first { $0.count > 4 && $0[0] == first["考点"] && $0[2] == first["考场"] }!
            let room = Room(site: "", siteCode: "", name: "", type: "", seats: Int(info[4])!, columns: Int(info[5])!, number: 1)
            let grid = SeatGrid(room: room, numbering: .snake)
            let school = Dictionary(uniqueKeysWithValues: group.map { (Int($0["座位号"]!)!, $0["所属院校"]!) })
            for (seat, s) in school {
                for n in grid.neighbours(of: seat) where n > seat && school[n] == s { clashes += 1 }
            }
        }
        #expect(clashes == reported.count)
        #expect(clashes == 0, "the demo's six schools can always be separated")
    }

    @Test func manifestHashesEveryFile() throws {
        let (pack, _, _) = try Self.made.get()
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: pack + "/manifest.json"))) as! [String: Any]
        let files = manifest["files"] as! [[String: Any]]
        var listed = Set<String>()
        for file in files {
            let path = file["path"] as! String
            listed.insert(path)
            let sum = try Tool.run("sha256sum", [pack + "/" + path]).output.prefix(64)
            #expect(String(sum) == file["sha256"] as? String, "\(path)")
        }
        var onDisk = Set<String>()
        let enumerator = FileManager.default.enumerator(atPath: pack)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: pack + "/" + relative, isDirectory: &isDirectory)
            if !isDirectory.boolValue && relative != "manifest.json" { onDisk.insert(relative) }
        }
        #expect(listed == onDisk)
        let counts = manifest["counts"] as! [String: Int]
        #expect(counts["seated"] == 122 && counts["registrations"] == 134 && counts["sittings"] == 7)
        #expect(counts["rooms"] == 5)
    }

    @Test func zipHoldsTheSameFilesUnderUTF8Names() throws {
        let (pack, _, _) = try Self.made.get()
        let listing = try Tool.run("zipinfo", ["-1", pack + ".zip"]).output.split(separator: "\n").map(String.init)
        #expect(listing.contains("pack/上海信息技术职业学院考点/第01考场/2026-06-20 09时00分 Web 前端开发（中级）/准考证.pdf"))
        #expect(listing.contains("pack/manifest.json"))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: pack + "/manifest.json"))) as! [String: Any]
        #expect(listing.filter { !$0.hasSuffix("/") }.count == (manifest["files"] as! [Any]).count + 1)
        // qpdf checks a PDF taken from the zip.
        let dir = try Tool.scratch()
        _ = try Tool.run("unzip", ["-q", pack + ".zip", "-d", dir])
        #expect(try Tool.run("qpdf", ["--check", dir + "/pack/上海电子信息职业技术学院考点/第01考场/2026-06-21 14时00分 财务数字化应用（初级）/签到表.pdf"]).status == 0)
    }

    @Test func documentsAreFiledPerSessionWithEmbeddedFonts() throws {
        let (pack, _, _) = try Self.made.get()
        let room = pack + "/上海信息技术职业学院考点/第01考场"
        let sessions = try FileManager.default.contentsOfDirectory(atPath: room).sorted()
        #expect(sessions == ["2026-06-20 09时00分 Web 前端开发（中级）", "2026-06-20 13时30分 大数据应用开发（初级）", "2026-06-21 08时30分 基础考核"])
        let door = try Tool.run("pdftotext", [room + "/" + sessions[0] + "/门贴.pdf", "-"]).output
        #expect(door.contains("Web 前端开发（中级）") && !door.contains("大数据应用开发（初级）"))
        let fonts = try Tool.run("pdffonts", [room + "/" + sessions[1] + "/签到表.pdf"]).output.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for line in fonts { #expect(line.contains(" yes yes "), "\(line)") }
    }

    /// 考生须知 is the job's notices, numbered; the tickets' lines in the sheet header are all filled.
    @Test func ticketsNumberTheJobsNoticesAndLeaveNoLabelWithoutItsValue() throws {
        let (pack, _, _) = try Self.made.get()
        let folder = pack + "/上海信息技术职业学院考点/第01考场/2026-06-20 09时00分 Web 前端开发（中级）"
        let ticket = try Tool.run("pdftotext", ["-f", "1", "-l", "1", folder + "/准考证.pdf", "-"]).output
        for line in ["1. 考生须携带准考证和有效身份证件，提前 30 分钟到达考场。", "4. 考生须服从监考人员管理，遵守考场纪律，独立完成作答。",
                     "5. 请妥善保管本准考证，考后凭准考证查询成绩。", "上海市浦东新区科技路 100 号", "实训楼 A 座 301 室"] {
            #expect(ticket.contains(line), "\(line): \(ticket)")
        }
        #expect(!ticket.contains("6."))
        let sheet = try Tool.run("pdftotext", ["-f", "1", "-l", "1", folder + "/签到表.pdf", "-"]).output
        for line in ["考场：第01考场", "地址：实训楼 A 座 301 室", "监考：王老师、李老师", "科目：Web 前端开发（中级）"] { #expect(sheet.contains(line), "\(line): \(sheet)") }
    }

    @Test func twoRunsAreByteIdentical() throws {
        let (pack, _, _) = try Self.made.get()
        let dir = try Tool.scratch()
        let again = try PackFixtures.kaowu(["pack", PackFixtures.demoJob, "--out", dir + "/pack", "--threads", "1"])
        #expect(again.status == 1)
        let a = try Data(contentsOf: URL(fileURLWithPath: pack + ".zip"))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/pack.zip"))
        #expect(a == b)
    }
}
