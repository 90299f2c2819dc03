import Support

/// The errors of a run as summary lines: each with its row (or archive entry) and its message.
enum ErrorLines {
    static func of(_ problems: [Problem], _ l: Language) -> [String] {
        problems.filter { $0.severity == .error }.map { p in
            "  " + (p.row.map { l.pick("第 \($0) 行", "row \($0)") } ?? p.entry ?? "") + "  " + p.message(l)
        }
    }
}
