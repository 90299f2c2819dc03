import Foundation
import Support

/// The human-readable report: counts first, then the problems grouped by code with the first rows of each.
public enum TextSummary {
    public static func render(_ report: ValidationReport, language l: Language, perCode: Int = 10, catalog: ProblemCatalog = .validation) -> String {
        var out = ""
        if let roster = report.roster {
            var where_ = [String]()
            if let sheet = roster.sheet { where_.append(l.pick("工作表“\(sheet)”", "sheet \"\(sheet)\"")) }
            if let format = roster.format { where_.append(format) }
            if let header = roster.headerRow { where_.append(l.pick("表头在第 \(header) 行", "header on row \(header)")) }
            let details = where_.isEmpty ? "" : l.pick("（\(where_.joined(separator: "，"))）", " (\(where_.joined(separator: ", ")))")
            out += l.pick("名单：", "Roster: ") + roster.file + details + "\n"
        }
        let withErrors = report.rows - report.valid
        out += l.pick("共 \(report.rows) 行：合格 \(report.valid) 行，有错误 \(withErrors) 行；照片 \(report.photos) 张\n",
                      "\(report.rows) rows: \(report.valid) valid, \(withErrors) with errors; \(report.photos) photos\n")
        if !report.backgrounds.isEmpty {
            let order = ["red", "blue", "white", "other"]
            let parts = order.compactMap { key -> String? in
                guard let n = report.backgrounds[key] else { return nil }
                let zh = ["red": "红", "blue": "蓝", "white": "白", "other": "其他"][key]!
                return l.pick("\(zh) \(n)", "\(key) \(n)")
            }
            out += l.pick("照片底色：", "Photo backgrounds: ") + parts.joined(separator: l.pick("，", ", ")) + "\n"
        }
        out += l.pick("错误 \(report.errorCount) 个，警告 \(report.warningCount) 个\n", "\(report.errorCount) errors, \(report.warningCount) warnings\n")
        let groups = Dictionary(grouping: report.problems, by: \.code)
            .sorted { catalog.order($0.key) < catalog.order($1.key) }
        for (code, problems) in groups {
            let severity = problems[0].severity == .error ? l.pick("错误", "error") : l.pick("警告", "warning")
            out += "\n[\(severity)] \(code) \(catalog.title(code, l))" + l.pick("（\(problems.count)）", " (\(problems.count))") + "\n"
            for p in problems.prefix(perCode) {
                out += "  " + locate(p, l) + p.message(l) + "\n"
            }
            if problems.count > perCode {
                out += l.pick("  …… 另有 \(problems.count - perCode) 个，见 --json 或 --report\n",
                              "  … \(problems.count - perCode) more, see --json or --report\n")
            }
        }
        if report.problems.isEmpty { out += l.pick("\n全部通过。\n", "\nAll checks passed.\n") }
        return out
    }

    static func locate(_ p: Problem, _ l: Language) -> String {
        var parts: [String] = []
        if let row = p.row { parts.append(l.pick("第 \(row) 行", "row \(row)")) }
        if let column = p.column { parts.append(l.pick("\(column) 列", "column \(column)")) }
        if let entry = p.entry { parts.append(entry) }
        if let value = p.value, p.entry != value { parts.append(l.pick("“\(value)”", "\"\(value)\"")) }
        return parts.isEmpty ? "" : parts.joined(separator: " ") + l.pick("：", ": ")
    }
}
