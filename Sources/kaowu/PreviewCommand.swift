import ArgumentParser
import Documents
import Foundation
import Render
import Support
import Synthetic

/// `kaowu preview`: a template filled with invented sample data, as PNG (first page) or PDF.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "用示例数据预览模板：kaowu preview templates/admission-ticket.yaml --out a.png")

    @Argument(help: "模板文件（.yaml）或内置种类")
    var template: String

    @Option(name: .long, help: "输出 .png（第一页）或 .pdf")
    var out: String

    @Option(name: .long, help: "PNG 分辨率（dpi）")
    var dpi: Double = 150

    @Option(name: .long, parsing: .singleValue, help: "覆盖示例字段，如 --set exam.title=…")
    var set: [String] = []

    @OptionGroup
    var paper: PaperOptions

    @OptionGroup
    var global: GlobalOptions

    func validate() throws {
        let l = global.language
        try OptionCheck.range(dpi, 10...1200, "--dpi", l)
        try TemplateName.check(template, l)
        try FieldSettings.check(set, l)
        try paper.check(l)
    }

    func run() throws {
        let l = global.language
        guard let path = BuiltInTemplates.path(for: TemplateName.isPath(template) ? template : BuiltInTemplates.name(for: template, labels: paper.preset)) else {
            printError(l.pick("kaowu preview：找不到模板“\(template)”", "kaowu preview: no template \"\(template)\""))
            throw ExitStatus.usage
        }
        let document: PaperRenderer
        do { document = try PaperRenderer(templatePath: path, paper: paper.setup) } catch {
            printError("kaowu preview: " + ((error as? PaperError).map { PaperOptions.describe($0, l) } ?? describe(error, l)))
            throw ExitStatus.usage
        }
        try FieldSettings.checkNames(set: set, allowBlank: [], template: document.template, command: "preview", l)
        let output = try OutputFile(out, inputs: [path], language: l)
        do {
            var context = SampleRecords.context.merging(FieldSettings.context(set)) { _, new in new }
            let records = SampleRecords.records(max(document.recordsOnFirstPage, 3))
            // A field the sample data does not have (a column of your roster, say) shows its name in brackets.
            let supplied = Set(records.first?.values.keys.map { $0 } ?? []).union(records.first?.images.keys.map { $0 } ?? [])
                .union(context.keys).union(document.computedFields)
            let gaps = TemplateFieldCheck.gaps(in: document.template, supplied: supplied)
            for gap in gaps { context[gap.field] = "[\(gap.field)]" }
            if !gaps.isEmpty {
                printError(l.pick("kaowu preview：示例数据中没有这些字段，以 [字段名] 代替：", "kaowu preview: the sample data has no value for these fields; shown as [field]: ")
                           + gaps.map(\.field).joined(separator: l.pick("、", ", ")))
            }
            if out.lowercased().hasSuffix(".pdf") {
                try document.renderPDF(records, context: context, to: output.temporary)
            } else {
                try document.renderPNG(records, context: context, to: output.temporary, dpi: min(max(dpi, 30), 600))
            }
            try output.commit()
        } catch let error as ExitCode {
            output.discard()
            throw error
        } catch {
            output.discard()
            printError("kaowu preview: " + ((error as? PaperError).map { PaperOptions.describe($0, l) } ?? describe(error, l)))
            throw ExitStatus.usage
        }
        print(out)
    }
}
