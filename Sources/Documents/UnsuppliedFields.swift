import Support

/// A template binds fields that nothing supplies (`template.field-missing`): nothing was drawn or written.
/// Names the template file, each field with the lines using it, how to supply it, and a likely intended
/// name when the field looks mistyped.
public struct UnsuppliedFields: Error, Diagnostic {
    /// One field without a source.
    public struct Entry: Sendable {
        public var gap: TemplateFieldCheck.Gap
        /// How to supply it (`--set exam.title=…`, a roster column named 准考证号, a job key).
        public var supply: LocalizedText
        /// A supplied field with a close name (`exam.title` for `exam.titel`).
        public var nearest: String?

        public init(gap: TemplateFieldCheck.Gap, supply: LocalizedText, nearest: String? = nil) {
            self.gap = gap
            self.supply = supply
            self.nearest = nearest
        }
    }

    public static let code = "template.field-missing"
    public var code: String { Self.code }
    public let template: String
    public let entries: [Entry]
    /// How to leave a field blank on purpose, in the command's terms.
    public let blankHint: LocalizedText
    /// Other templates of the same run with fields nothing supplies.
    public var more: [UnsuppliedFields] = []

    public init(template: String, entries: [Entry], blankHint: LocalizedText) {
        self.template = template
        self.entries = entries
        self.blankHint = blankHint
    }

    /// The fields of `document`'s template that neither `supplied`, the document's own computed fields nor
    /// `allowBlank` give, each worded by `supply` with the supplied name it was probably meant to be; nil
    /// when every field has a source.
    public init?(_ document: PaperRenderer, supplied: Set<String>, allowBlank: Set<String> = [],
                 supply: (String) -> LocalizedText, blankHint: LocalizedText) {
        let all = supplied.union(document.computedFields)
        let gaps = TemplateFieldCheck.gaps(in: document.template, supplied: all, allowBlank: allowBlank)
        guard !gaps.isEmpty else { return nil }
        self.init(template: document.templatePath, entries: gaps.map {
            Entry(gap: $0, supply: supply($0.field), nearest: DocumentFields.misspelt($0.field, supplied: all))
        }, blankHint: blankHint)
    }

    public var facts: DiagnosticFacts {
        DiagnosticFacts(file: template, line: entries.first?.gap.lines.first, field: entries.first?.gap.field)
    }

    /// A first line naming the template, one line per field (its lines, how to supply it), and how to
    /// leave one blank.
    public func message(_ language: Language) -> String {
        var lines = [language.pick("模板 \(template) 用到的字段没有值，未生成任何文件：", "the template \(template) uses fields that have no value; nothing was written:")]
        for entry in entries {
            let numbers = entry.gap.lines.map(String.init)
            let place = numbers.isEmpty ? "" : language.pick("第 \(numbers.joined(separator: "、")) 行 ", "line\(numbers.count > 1 ? "s" : "") \(numbers.joined(separator: ", ")): ")
            let guess = entry.nearest.map { language.pick("；是否想写 \($0)？", "; did you mean \($0)?") } ?? ""
            lines.append("  \(place){{\(entry.gap.field)}}\(language.pick("：", ": "))\(entry.supply.pick(language))\(guess)")
        }
        for other in more { lines += other.message(language).split(separator: "\n").dropLast().map(String.init) }
        lines.append(blankHint.pick(language))
        return lines.joined(separator: "\n")
    }
}
