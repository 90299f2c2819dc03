import ArgumentParser
import Documents
import Foundation
import Pack
import Seating
import Support
import Validation

/// `kaowu pack`: the main job — validate, seat and render the whole print pack of an exam.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "按任务文件生成整套考务材料：校验、排考、门贴、签到表、桌贴、准考证、排考明细和压缩包。")

    @Argument(help: "任务文件（.yaml）")
    var job: String

    @Option(name: .long, help: "输出目录（默认取任务文件的 output）；同时生成 目录.zip")
    var out: String?

    @Option(name: .long, help: "上次生成的 排考明细.xlsx：已排考生保留考场、座位和准考证号，只为新考生排座")
    var keep: String?

    @OptionGroup
    var threads: ThreadOptions

    @OptionGroup
    var global: GlobalOptions

    func validate() throws {
        try threads.check(global.language)
    }

    func run() throws {
        let l = global.language
        try requireReadable([job] + (keep.map { [$0] } ?? []), l)
        // A job with course: instead of exam: is a training course (CoursePack.swift).
        if CourseJobLoader.describesCourse(path: job) { return try runCourse() }
        let loaded: Job
        do {
            loaded = try JobLoader(builtInTemplate: { BuiltInTemplates.path(for: $0) }).load(path: job)
        } catch let mistake as Diagnostic {
            printError(mistake.message(l))
            throw ExitStatus.usage
        }
        try requireReadable([loaded.roster] + (loaded.photos.map { [$0] } ?? []), l)
        var options = packOptions(l)
        let bar = ProgressBar(language: l)
        options.progress = { bar.report($0) }
        let result = try runReporting(bar, l, heading: LocalizedText(zh: "kaowu pack：座位不够，未生成材料。", en: "kaowu pack: not enough seats; nothing was written."),
                                      shortfall: { $0 as? SeatingShortfall }) { try PackRunner.run(loaded, options: options) }
        print(summary(result, l))
        if result.errors > 0 { throw ExitStatus.problems }
    }

    private func summary(_ r: PackResult, _ l: Language) -> String {
        let seconds = String(format: "%.1f", r.seconds)
        var lines: [String] = []
        if r.errors > 0 {
            lines.append(l.pick("有错误的行和照片（这些考生未排考，详见 校验报告.xlsx）：", "rows and photos with errors (those candidates are not seated; see 校验报告.xlsx):"))
            lines += ErrorLines.of(r.problems, l)
        }
        let several = r.registrations != r.seated
        lines.append(l.pick("考生 \(r.rows) 行：已排考 \(r.seated) 人\(several ? "（\(r.registrations) 科次）" : "")\(r.kept > 0 ? "（其中保留原座位 \(r.kept) 个）" : "")，未排考 \(r.notSeated) 行",
                            "\(r.rows) rows: \(r.seated) seated\(several ? " (\(r.registrations) registrations)" : "")\(r.kept > 0 ? " (\(r.kept) kept their seats)" : ""), \(r.notSeated) not seated"))
        lines.append(l.pick("考点 \(r.sites) 个，考场 \(r.rooms) 个，考场场次 \(r.sittings) 个；PDF \(r.pages) 页，文件 \(r.files) 个；问题 \(r.errors + r.warnings) 个（错误 \(r.errors)，警告 \(r.warnings)\(r.conflicts > 0 ? "，其中同校相邻 \(r.conflicts) 处" : "")）；用时 \(seconds) 秒",
                            "\(r.sites) sites, \(r.rooms) rooms (\(r.sittings) room sittings); \(r.pages) pages in \(r.files) files; \(r.errors + r.warnings) problems (\(r.errors) errors, \(r.warnings) warnings\(r.conflicts > 0 ? ", \(r.conflicts) same-school neighbours" : "")); \(seconds) s"))
        lines.append(l.pick("材料目录：\(r.folder)/", "pack: \(r.folder)/"))
        lines.append(l.pick("压缩包：  \(r.zip)", "zip:  \(r.zip)"))
        return lines.joined(separator: "\n")
    }
}
