import Documents
import Foundation
import Pack
import Support
import Validation

/// `kaowu pack` on a course job (`course:` instead of `exam:`): 听课证 and sign-in sheets per class day,
/// 排课明细.xlsx, the reports, the manifest and the zip.
extension PackCommand {
    func runCourse() throws {
        let l = global.language
        guard keep == nil else {
            printError(l.pick("kaowu pack：--keep 只用于考试任务（培训班的编班和听课证号由名单和任务文件决定）",
                              "kaowu pack: --keep is for exam jobs only (a course's classes and card numbers follow from the roster and the job)"))
            throw ExitStatus.usage
        }
        let loaded: CourseJob
        do {
            loaded = try CourseJobLoader(builtInTemplate: { BuiltInTemplates.path(for: $0) }).load(path: job)
        } catch let mistake as Diagnostic {
            printError(mistake.message(l))
            throw ExitStatus.usage
        }
        try requireReadable([loaded.roster] + (loaded.photos.map { [$0] } ?? []), l)
        var options = packOptions(l)
        let bar = ProgressBar(language: l, unit: LocalizedText(zh: "个文件", en: "files"),
                              labels: [.seating: LocalizedText(zh: "编班…", en: "placing in classes…"),
                                       .writing: LocalizedText(zh: "写排课明细和报告…", en: "writing schedule and reports…")])
        options.progress = { bar.report($0) }
        let result = try runReporting(bar, l, heading: LocalizedText(zh: "kaowu pack：班级座位不够，未生成材料。", en: "kaowu pack: the classes cannot seat everyone; nothing was written."),
                                      shortfall: { $0 as? ClassShortfall }) { try CourseRunner.run(loaded, options: options) }
        print(courseSummary(result, l))
        if result.errors > 0 { throw ExitStatus.problems }
    }

    private func courseSummary(_ r: CourseResult, _ l: Language) -> String {
        let seconds = String(format: "%.1f", r.seconds)
        var lines: [String] = []
        if r.errors > 0 {
            lines.append(l.pick("有错误的行和照片（这些学员未编班，详见 校验报告.xlsx 和 排课明细.xlsx 的“未编班”）：",
                                "rows and photos with errors (those learners are not placed; see 校验报告.xlsx and the 未编班 sheet of 排课明细.xlsx):"))
            lines += ErrorLines.of(r.problems, l)
        }
        lines.append(l.pick("学员 \(r.rows) 行：已编班 \(r.enrolled) 人，未编班 \(r.rows - r.enrolled) 行",
                            "\(r.rows) rows: \(r.enrolled) placed in classes, \(r.rows - r.enrolled) not placed"))
        lines.append(l.pick("班级 \(r.classes) 个，课次 \(r.sessions) 个；PDF \(r.pages) 页，文件 \(r.files) 个；问题 \(r.errors + r.warnings) 个（错误 \(r.errors)，警告 \(r.warnings)）；用时 \(seconds) 秒",
                            "\(r.classes) classes, \(r.sessions) sessions; \(r.pages) pages in \(r.files) files; \(r.errors + r.warnings) problems (\(r.errors) errors, \(r.warnings) warnings); \(seconds) s"))
        lines.append(l.pick("材料目录：\(r.folder)/", "pack: \(r.folder)/"))
        lines.append(l.pick("压缩包：  \(r.zip)", "zip:  \(r.zip)"))
        return lines.joined(separator: "\n")
    }
}
