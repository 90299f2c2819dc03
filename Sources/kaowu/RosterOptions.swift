import ArgumentParser
import Roster
import Support
import Validation

/// How a roster is read and its photos checked, the same for `validate` and `render`: the worksheet,
/// `--map` of columns to fields, and the photo rules (`PhotoOptions`).
struct RosterOptions: ParsableArguments {
    @Option(name: .long, help: "工作表名称或序号（默认第一个可见工作表）")
    var sheet: String?

    @Option(name: .long, parsing: .singleValue, help: "指定列含义，如 --map 学员证号=id（可多次使用）")
    var map: [String] = []

    @OptionGroup
    var photoOptions: PhotoOptions

    /// `--map` entries as header → field, nil when one is malformed.
    var mappings: [String: Field]? {
        var mappings: [String: Field] = [:]
        for entry in map {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let field = Field(rawValue: parts[1]) else { return nil }
            mappings[parts[0]] = field
        }
        return mappings
    }

    /// Every check, in the command's message language (called from the command's `validate()`).
    func check(_ l: Language) throws {
        try photoOptions.check(l)
        guard mappings != nil else {
            let fields = Field.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(l.pick("--map 应写成 列名=字段，字段为：\(fields)", "--map takes HEADER=field with field one of: \(fields)"))
        }
    }

    /// Sets the sheet, the column mappings and the photo rules of `options` (after `check`).
    func apply(to options: inout ValidationOptions) {
        options.sheet = sheet
        options.mappings = mappings ?? [:]
        photoOptions.apply(to: &options)
    }
}
