import Render

/// Checks, before anything is drawn, that every field a template binds has a source: what the command
/// supplies (roster columns, job values, `--set`, computed values) or `allowBlank`. Fields bound only by
/// `optional: true` elements need no source.
public enum TemplateFieldCheck {
    /// A field no source supplies, with the template lines that bind it.
    public struct Gap: Sendable, Equatable {
        public var field: String
        public var lines: [Int]
    }

    /// The fields of `template` neither in `supplied` nor in `allowBlank`, in the order of their first line.
    public static func gaps(in template: Template, supplied: Set<String>, allowBlank: Set<String> = []) -> [Gap] {
        var gaps: [Gap] = []
        for binding in template.bindings where !binding.isOptional {
            for field in binding.fields where !supplied.contains(field) && !allowBlank.contains(field) {
                if let k = gaps.firstIndex(where: { $0.field == field }) {
                    if let line = binding.line, !gaps[k].lines.contains(line) { gaps[k].lines.append(line) }
                } else {
                    gaps.append(Gap(field: field, lines: binding.line.map { [$0] } ?? []))
                }
            }
        }
        return gaps.sorted { ($0.lines.min() ?? 0) < ($1.lines.min() ?? 0) }
    }

    /// Every field `template` binds (optional elements' too), for checking names given on the command line.
    public static func fields(of template: Template) -> Set<String> {
        Set(template.bindings.flatMap(\.fields))
    }
}
