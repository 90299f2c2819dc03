import ArgumentParser
import Foundation
import Identity
import Photos
import Roster
import Support
import Validation

/// `kaowu validate`: checks a roster and its photo archive and reports every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "校验考生名单（xlsx/xls/csv）和照片压缩包（zip）。")

    @Option(name: .long, help: "考生名单：.xlsx、.xls、.csv 或 .tsv")
    var roster: String

    @Option(name: .long, help: "照片压缩包 .zip（文件名为 身份证号.jpg 或 姓名-身份证号.jpg）")
    var photos: String?

    @OptionGroup
    var rosterOptions: RosterOptions

    @Flag(name: .long, help: "以 JSON 输出报告（design §3 的格式）")
    var json = false

    @Option(name: .long, help: "另存 Excel 校验报告，如 校验报告.xlsx")
    var report: String?

    @OptionGroup
    var threads: ThreadOptions

    @OptionGroup
    var global: GlobalOptions

    @Option(name: .long, help: "按此日期判断出生日期是否在未来（YYYY-MM-DD，默认今天）")
    var today: String?

    /// `--today` as a date, nil when not given or no calendar date.
    private var todayDate: CivilDate? {
        today.flatMap { CivilDate.parse($0) }.flatMap { $0.hasDay ? $0 : nil }
    }

    func validate() throws {
        let l = global.language
        try rosterOptions.check(l)
        try threads.check(l)
        if today != nil && todayDate == nil { throw ValidationError(l.pick("--today 应写成 2026-06-20", "--today takes YYYY-MM-DD")) }
    }

    func run() throws {
        let language = global.language
        var options = ValidationOptions()
        rosterOptions.apply(to: &options)
        options.threads = threads.count
        if let todayDate { options.today = todayDate }
        try requireReadable([roster] + (photos.map { [$0] } ?? []), language)

        let isTerminal = isatty(STDERR_FILENO) != 0
        let report = Validator(options: options).validate(rosterPath: roster, photosPath: photos) { message in
            if isTerminal { FileHandle.standardError.write(Data(("\r\u{1B}[K" + message.pick(language)).utf8)) }
        }
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        try requireMappedColumns(report.mappingMistakes, language)

        if json {
            FileHandle.standardOutput.write(try report.json(language))
            print()
        } else {
            print(TextSummary.render(report, language: language), terminator: "")
        }
        if let path = self.report {
            do {
                try ExcelReport.write(report, rosterPath: roster, sheet: rosterOptions.sheet, to: path, language: language)
                if !json { print(language.pick("Excel 报告：\(path)", "Excel report: \(path)")) }
            } catch {
                let reason = describe(error, language)
                printError(language.pick("kaowu：无法写入 \(path)：\(reason)", "kaowu: cannot write \(path): \(reason)"))
                throw ExitStatus.usage
            }
        }
        if report.hasErrors { throw ExitStatus.problems }
    }
}
