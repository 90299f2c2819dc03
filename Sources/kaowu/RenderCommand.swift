import ArgumentParser
import Documents
import Foundation
import Render
import Support
import Validation

/// `kaowu render`: one document kind for every valid row of a roster.
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

    @Option(name: .long, help: "工作表名称或序号")
    var sheet: String?

    @OptionGroup
    var paper: PaperOptions

    @Option(name: .long, help: "输出 PDF")
    var out: String

    @OptionGroup
    var global: GlobalOptions

    /// The template asked for: `--template`, else the kind.
    private var templateName: String { template ?? kind ?? "" }

    func validate() throws {
        let l = global.language
        try paper.check(l)
        try TemplateName.check(templateName, l)
        try FieldSettings.check(set, l)
    }

    func run() throws {
        let language = global.language
        guard let templatePath = BuiltInTemplates.path(for: template ?? BuiltInTemplates.name(for: templateName, labels: paper.preset)) else {
            printError(language.pick("kaowu render：", "kaowu render: ") + TemplateName.notFound(templateName, language))
            throw ExitStatus.usage
        }
        let context = FieldSettings.context(set)
        try requireReadable([data] + (photos.map { [$0] } ?? []), language)
        let output = try OutputFile(out, inputs: [data, templatePath] + (photos.map { [$0] } ?? []), language: language)
        let document: PaperRenderer
        do { document = try PaperRenderer(templatePath: templatePath, paper: paper.setup) } catch {
            printError("kaowu render: " + ((error as? PaperError).map { PaperOptions.describe($0, language) } ?? describe(error, language)))
            throw ExitStatus.usage
        }
        var options = ValidationOptions()
        options.sheet = sheet
        let validated = Validator(options: options).validateRoster(rosterPath: data, photosPath: photos)
        let report = validated.report
        let records = CandidateRecords.records(validated.candidates, photos: photos, limit: options.photo.maxBytes)
        do {
            try document.renderPDF(records, context: context, to: output.temporary)
            try output.commit()
        } catch {
            output.discard()
            printError("kaowu render: " + describe(error, language))
            throw ExitStatus.usage
        }
        let refused = report.rows - records.count
        print(language.pick("\(out)：\(records.count) 人", "\(out): \(records.count) people"))
        if report.hasErrors {
            print(language.pick("有 \(refused) 行未生成（数据有误）：", "\(refused) rows were not rendered (their data is wrong):"))
            print(TextSummary.render(report, language: language), terminator: "")
            throw ExitStatus.problems
        }
    }
}
