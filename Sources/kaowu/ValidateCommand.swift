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

    @Option(name: .long, help: "工作表名称或序号（默认第一个可见工作表）")
    var sheet: String?

    @Option(name: .long, parsing: .singleValue, help: "指定列含义，如 --map 学员证号=id（可多次使用）")
    var map: [String] = []

    @Option(name: .long, help: "照片像素尺寸，宽x高")
    var photoSize: String = "295x413"

    @Option(name: .long, help: "照片尺寸允许的误差（像素）")
    var photoTolerance: Int = 0

    @Option(name: .long, help: "要求的照片底色：red、blue 或 white（不符即为错误）")
    var photoBackground: String?

    @Option(name: .long, help: "照片文件大小上限（MB）")
    var maxPhotoMb: Double = 5

    @Flag(name: .long, help: "以 JSON 输出报告（design §3 的格式）")
    var json = false

    @Option(name: .long, help: "另存 Excel 校验报告，如 校验报告.xlsx")
    var report: String?

    @Option(name: .long, help: "检查照片所用的线程数（默认全部 CPU 核）")
    var threads: Int?

    @Option(name: .long, help: "消息语言：zh 或 en")
    var lang: String = "zh"

    @Option(name: .long, help: "按此日期判断出生日期是否在未来（YYYY-MM-DD，默认今天）")
    var today: String?

    func validate() throws {
        let l = try OptionCheck.language(lang)
        try OptionCheck.range(maxPhotoMb, 0.01...1024, "--max-photo-mb", l)
        try OptionCheck.range(photoTolerance, 0...1000, "--photo-tolerance", l)
        if let threads { try OptionCheck.range(threads, OptionCheck.threads, "--threads", l) }
    }

    func run() throws {
        guard let language = Language(rawValue: lang) else { throw usage("--lang 只能是 zh 或 en", "--lang must be zh or en") }
        var options = ValidationOptions()
        options.language = language
        options.sheet = sheet
        for entry in map {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let field = Field(rawValue: parts[1]) else {
                throw usage("--map 应写成 列名=字段，字段为：\(Field.allCases.map(\.rawValue).joined(separator: ", "))",
                            "--map takes HEADER=field with field one of: \(Field.allCases.map(\.rawValue).joined(separator: ", "))", language)
            }
            options.mappings[parts[0]] = field
        }
        let size = photoSize.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" || $0 == "*" }).compactMap { Int($0) }
        guard size.count == 2, size[0] > 0, size[1] > 0 else { throw usage("--photo-size 应写成 295x413", "--photo-size takes WIDTHxHEIGHT, e.g. 295x413", language) }
        options.photo.width = size[0]
        options.photo.height = size[1]
        options.photo.tolerance = max(0, photoTolerance)
        if let photoBackground {
            guard let colour = BackgroundColour(rawValue: photoBackground), colour != .other else {
                throw usage("--photo-background 只能是 red、blue 或 white", "--photo-background must be red, blue or white", language)
            }
            options.photo.requiredBackground = colour
        }
        options.photo.maxBytes = Int(maxPhotoMb * 1_048_576)
        if let threads { options.threads = max(1, threads) }
        if let today {
            guard let date = CivilDate.parse(today), date.hasDay else { throw usage("--today 应写成 2026-06-20", "--today takes YYYY-MM-DD", language) }
            options.today = date
        }
        try requireReadable([roster] + (photos.map { [$0] } ?? []), language)

        let isTerminal = isatty(STDERR_FILENO) != 0
        let report = Validator(options: options).validate(rosterPath: roster, photosPath: photos) { message in
            if isTerminal { FileHandle.standardError.write(Data(("\r\u{1B}[K" + message).utf8)) }
        }
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }

        if json {
            FileHandle.standardOutput.write(try report.json())
            print()
        } else {
            print(TextSummary.render(report, language: language), terminator: "")
        }
        if let path = self.report {
            do {
                try ExcelReport.write(report, rosterPath: roster, sheet: sheet, to: path, language: language)
                if !json { print(language.pick("Excel 报告：\(path)", "Excel report: \(path)")) }
            } catch {
                printError(language.pick("kaowu：无法写入 \(path)：\(error)", "kaowu: cannot write \(path): \(error)"))
                throw ExitStatus.usage
            }
        }
        if report.hasErrors { throw ExitStatus.problems }
    }

    private func usage(_ zh: String, _ en: String, _ language: Language = .zh) -> ExitCode {
        printError("kaowu validate: " + language.pick(zh, en))
        return ExitStatus.usage
    }
}
