import Documents
import Render
import Roster
import Support

/// Where the fields of a `kaowu render` document come from — the roster's columns, `--photos`, `--set`, and
/// what the document computes — and how to supply a field that has no value.
enum RenderFieldSources {
    /// The fields supplied for every record: the roster's (by its `header`, the photo with `--photos`), the
    /// non-blank `--set` values and what `document` computes.
    static func supplied(header: HeaderMap, photos: Bool, context: [String: String], document: PaperRenderer) -> Set<String> {
        CandidateRecords.suppliedFields(header: header, photos: photos)
            .union(context.filter { !$0.value.allSatisfy(\.isWhitespace) }.keys)
            .union(document.computedFields)
    }

    /// The error naming every field of `document`'s template without a value, or nil when there is none.
    static func unsupplied(_ document: PaperRenderer, supplied: Set<String>, allowBlank: Set<String>) -> UnsuppliedFields? {
        UnsuppliedFields(document, supplied: supplied, allowBlank: allowBlank, supply: supply, blankHint: LocalizedText(
            zh: "确实要留空的字段用 --allow-blank 字段名；可以没有的元素在模板中写 optional: true（留空时不画）。",
            en: "To leave a field blank on purpose: --allow-blank FIELD; for an element that may be absent: optional: true in the template (not drawn when blank)."))
    }

    /// How a `render` user supplies `field`.
    static func supply(_ field: String) -> LocalizedText {
        if field == CandidateRecords.photoField {
            return LocalizedText(zh: "用 --photos 给出照片压缩包", en: "give the photo archive with --photos")
        }
        if let known = Field(rawValue: field) {
            return LocalizedText(zh: "名单中加一列“\(known.chineseHeader)”（或用 --map 列名=\(field) 指定）",
                                 en: "add a roster column \(known.chineseHeader) (or --map HEADER=\(field))")
        }
        if field == TemplateValues.noticesField || field.hasPrefix("notice.") {
            return LocalizedText(zh: "--set notice.1=… --set notice.2=…（考生须知，每条一个）", en: "--set notice.1=… --set notice.2=… (the notices, one each)")
        }
        if DocumentFields.isJobValue(field) {
            return LocalizedText(zh: "--set \(field)=…", en: "--set \(field)=…")
        }
        return LocalizedText(zh: "名单中加一列“\(field)”，或 --set \(field)=…", en: "add a roster column named \(field), or --set \(field)=…")
    }
}
