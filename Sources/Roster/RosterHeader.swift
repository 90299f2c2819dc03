/// The header of a roster read on its own, before the roster is validated: which fields and column titles
/// it has, so a template's fields can be checked against them before any work.
public enum RosterHeader {
    /// The header of `path` (worksheet `sheet`, `overrides` as `--map`), or nil when the file cannot be
    /// read or has no header; validation then reports why.
    public static func read(path: String, sheet: String? = nil, overrides: [String: Field] = [:]) -> HeaderMap? {
        guard let reader = try? RosterFile.open(path: path, sheet: sheet) else { return nil }
        var head: [TableRow] = []
        while head.count < HeaderMap.searchDepth, let row = try? reader.nextRow() { head.append(row) }
        return HeaderMap.detect(in: head, overrides: overrides)
    }
}
