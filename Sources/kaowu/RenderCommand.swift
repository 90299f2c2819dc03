import ArgumentParser
import Documents
import Foundation
import Render
import Roster
import Support
import Validation

/// `kaowu render`: one document kind for every valid row of a roster. Every field the template uses is
/// checked against the roster's columns, `--photos` and `--set` before anything is read further or drawn.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "按名单生成一种文书：准考证、签到表、桌贴、门贴、听课证、合格证、电子证书。")

    @Argument(help: "文书种类：\(BuiltInTemplates.kinds.joined(separator: "、"))（用 --template 时可省略）")
    var kind: String?

    @Option(name: .long, help: "名单：.xlsx、.xls、.csv")
    var data: String

    @Option(name: .long, help: "照片压缩包 .zip")
    var photos: String?

    @Option(name: .long, help: "自己的模板文件（.yaml），代替内置模板")
    var template: String?

    @Option(name: .long, parsing: .singleValue, help: "模板中的其他字段，如 --set course.name=企业培训师（可多次使用）")
    var set: [String] = []

    @Option(name: .customLong("allow-blank"), parsing: .singleValue, help: "允许留空的字段（可多次使用）")
    var allowBlank: [String] = []

    @OptionGroup
    var rosterOptions: RosterOptions

    @OptionGroup
    var paper: PaperOptions

    @Option(name: .long, help: "每人一个 PDF，按此模式命名，如 '{证书编号}.pdf'；--out 为文件夹")
    var split: String?

    @Option(name: .long, help: "输出 PDF（用 --split 时为文件夹）")
    var out: String

    @OptionGroup
    var threads: ThreadOptions

    @OptionGroup
    var global: GlobalOptions

    /// The template asked for: `--template`, else the kind.
    private var templateName: String { template ?? kind ?? "" }

    func validate() throws {
        let l = global.language
        try paper.check(l)
        try TemplateName.check(templateName, l)
        try FieldSettings.check(set, l)
        try rosterOptions.check(l)
        try threads.check(l)
        for name in allowBlank where !DocumentFields.isWellFormed(name) {
            throw ValidationError(l.pick("--allow-blank 应为字段名，如 sessions.2（“\(name)”）", "--allow-blank takes a field name, e.g. sessions.2 (\"\(name)\")"))
        }
        if let split, case .failure(let reason) = SplitPattern.parse(split) {
            throw ValidationError(l.pick("--split “\(split)”：", "--split \"\(split)\": ") + reason.text.pick(l))
        }
    }

    func run() throws {
        let language = global.language
        guard let templatePath = BuiltInTemplates.path(for: template ?? BuiltInTemplates.name(for: templateName, labels: paper.preset)) else {
            printError(language.pick("kaowu render：", "kaowu render: ") + TemplateName.notFound(templateName, language))
            throw ExitStatus.usage
        }
        let context = FieldSettings.context(set)
        let inputs = [data, templatePath] + (photos.map { [$0] } ?? [])
        try requireReadable([data] + (photos.map { [$0] } ?? []), language)
        let document: PaperRenderer
        do { document = try PaperRenderer(templatePath: templatePath, paper: paper.setup) } catch {
            printError("kaowu render: " + ((error as? PaperError).map { PaperOptions.describe($0, language) } ?? describe(error, language)))
            throw ExitStatus.usage
        }
        // Every name given is one the template uses (or kaowu knows), and every field has a value.
        try FieldSettings.checkNames(set: set, allowBlank: allowBlank, template: document.template, command: "render", language)
        var options = ValidationOptions()
        rosterOptions.apply(to: &options)
        options.threads = threads.count
        let header = RosterHeader.read(path: data, sheet: options.sheet, overrides: options.mappings)
        if let header {
            try requireMappedColumns(MappedColumnMissing.find(options.mappings, headers: header.headers, headerRow: header.row, file: data), language)
        }
        // Without a header (an unreadable roster) validation below says why; there is nothing to check against.
        let supplied = header.map { RenderFieldSources.supplied(header: $0, photos: photos != nil, context: context, document: document) }
        if let supplied, let missing = RenderFieldSources.unsupplied(document, supplied: supplied, allowBlank: Set(allowBlank)) {
            printError("kaowu render: " + missing.message(language))
            throw ExitStatus.usage
        }
        let pattern = try split.map { try splitPattern($0, supplied: supplied, language) }
        let output = try pattern == nil ? OutputFile(out, inputs: inputs, language: language) : nil
        let folder = try pattern == nil ? nil : SplitOutput(folder: out, language: language)

        let validated = Validator(options: options).validateRoster(rosterPath: data, photosPath: photos)
        let report = validated.report
        try requireMappedColumns(report.mappingMistakes, language)
        guard !validated.candidates.isEmpty else {
            print(TextSummary.render(report, language: language), terminator: "")
            printError(language.pick("kaowu render：名单中没有可生成的行（\(report.rows) 行，均有错误或无法读取），未写入 \(out)",
                                     "kaowu render: no row to render (\(report.rows) rows, all with errors or unreadable); \(out) was not written"))
            throw ExitStatus.problems
        }
        let records = CandidateRecords.records(validated.candidates, photos: photos, limit: options.photo.maxBytes)
        if let pattern, let folder {
            try folder.write(records, rows: validated.candidates.map(\.row), pattern: pattern, document: document, context: context,
                             inputs: inputs, threads: threads.count, language: language)
        } else if let output {
            do {
                try document.renderPDF(records, context: context, to: output.temporary)
                try output.commit()
            } catch {
                output.discard()
                printError("kaowu render: " + describe(error, language))
                throw ExitStatus.usage
            }
        }
        let refused = report.rows - records.count
        if pattern != nil {
            print(language.pick("\(out)/：\(records.count) 个文件，每人一个", "\(out)/: \(records.count) files, one per person"))
        } else {
            print(language.pick("\(out)：\(records.count) 人", "\(out): \(records.count) people"))
        }
        if report.hasErrors {
            print(language.pick("有 \(refused) 行未生成（数据有误）：", "\(refused) rows were not rendered (their data is wrong):"))
            print(TextSummary.render(report, language: language), terminator: "")
            throw ExitStatus.problems
        }
    }

    /// The `--split` pattern, its fields checked against `supplied` (when the roster's header is known).
    private func splitPattern(_ text: String, supplied: Set<String>?, _ l: Language) throws -> SplitPattern {
        guard case .success(let pattern) = SplitPattern.parse(text) else { throw ExitStatus.usage }
        guard let supplied else { return pattern }
        let unknown = pattern.fields.filter { !supplied.contains($0) }
        guard unknown.isEmpty else {
            let lines = unknown.map { name in
                "  {\(name)}: " + RenderFieldSources.supply(name).pick(l)
                    + (DocumentFields.nearest(name, in: supplied).map { l.pick("；是否想写 {\($0)}？", "; did you mean {\($0)}?") } ?? "")
            }
            printError(l.pick("kaowu render：--split“\(text)”用到的字段没有值：", "kaowu render: --split \"\(text)\" uses fields that have no value:") + "\n" + lines.joined(separator: "\n"))
            throw ExitStatus.usage
        }
        return pattern
    }
}
