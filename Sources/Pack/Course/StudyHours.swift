import Foundation

/// 学时 as a course job writes them (`3`, `2.5`, `1.25`): kept in hundredths, so a class's totals add up
/// exactly, and written back without trailing zeros.
public struct StudyHours: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var hundredths: Int

    public init(hundredths: Int) { self.hundredths = hundredths }

    /// The hours written `text`: a number above 0 and at most 24 with at most two decimals; nil otherwise.
    public static func parse(_ text: String) -> StudyHours? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.range(of: #"^\d{1,2}(\.\d{1,2})?$"#, options: .regularExpression) != nil else { return nil }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Int(parts[0]) ?? 0
        var fraction = 0
        if parts.count == 2 { fraction = Int(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0 }
        let value = whole * 100 + fraction
        guard value > 0, value <= 2400 else { return nil }
        return StudyHours(hundredths: value)
    }

    public static func + (a: StudyHours, b: StudyHours) -> StudyHours { StudyHours(hundredths: a.hundredths + b.hundredths) }
    public static func < (a: StudyHours, b: StudyHours) -> Bool { a.hundredths < b.hundredths }
    public static let zero = StudyHours(hundredths: 0)

    /// `3`, `2.5`, `1.25`.
    public var description: String {
        let whole = hundredths / 100, fraction = hundredths % 100
        if fraction == 0 { return String(whole) }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : String(format: "%d.%02d", whole, fraction)
    }
}
