import Foundation

/// A sheet of pre-cut A4 label stock, by its maker's code (Avery L7165) and a plain name (`2x4`): the label
/// size, how many across and down, and where the labels are on the sheet (the maker's top and left margins,
/// and the gaps between labels). Labels on such stock are already cut, so nothing marks where to cut.
public struct LabelPreset: Sendable, Equatable {
    /// The maker's code, e.g. `L7165`.
    public let code: String
    /// The plain name, columns × rows, e.g. `2x4`.
    public let plain: String
    public let labelWidth: Double
    public let labelHeight: Double
    public let columns: Int
    public let rows: Int
    /// From the sheet's left edge to the first column of labels, mm.
    public let left: Double
    /// From the sheet's top edge to the first row of labels, mm.
    public let top: Double
    public let gapX: Double
    public let gapY: Double

    /// The stock kaowu knows, all A4 (210 × 297 mm), as Avery's templates give them (pitch = label + gap).
    public static let all: [LabelPreset] = [
        // 8 a sheet: desk labels (the default).
        LabelPreset(code: "L7165", plain: "2x4", labelWidth: 99.1, labelHeight: 67.7, columns: 2, rows: 4, left: 4.65, top: 13.1, gapX: 2.5, gapY: 0),
        // 10 a sheet.
        LabelPreset(code: "L7173", plain: "2x5", labelWidth: 99.1, labelHeight: 57, columns: 2, rows: 5, left: 4.65, top: 6, gapX: 2.5, gapY: 0),
        // 21 a sheet: small labels (seat number, name and ticket number; no photo).
        LabelPreset(code: "L7160", plain: "3x7", labelWidth: 63.5, labelHeight: 38.1, columns: 3, rows: 7, left: 7.25, top: 15.15, gapX: 2.5, gapY: 0),
    ]

    /// The stock called `name`: its code or plain name, in any case, `×` or `*` for `x` (`L7165`, `2x4`, `2×4`).
    public static func named(_ name: String) -> LabelPreset? {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "×", with: "x").replacingOccurrences(of: "*", with: "x")
        return all.first { $0.code.lowercased() == key || $0.plain == key }
    }

    /// The names to list in messages: `L7165 (2x4)、…`.
    public static func names(separator: String) -> String {
        all.map { "\($0.plain) (\($0.code))" }.joined(separator: separator)
    }

    /// The labels' places on an A4 sheet, without cut marks.
    public var layout: SheetLayout {
        SheetLayout(sheetWidth: 210, sheetHeight: 297, columns: columns, rows: rows, cellWidth: labelWidth, cellHeight: labelHeight,
                    gutterX: gapX, gutterY: gapY, cutMarks: false, left: left, top: top)
    }

    /// Whether a card of `width` × `height` mm is this stock's label size.
    public func fits(width: Double, height: Double) -> Bool {
        abs(width - labelWidth) < 0.05 && abs(height - labelHeight) < 0.05
    }

    /// "99.1×67.7", the label size as written.
    public var sizeText: String { "\(Self.format(labelWidth))×\(Self.format(labelHeight))" }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
