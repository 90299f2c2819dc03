import Roster
import Support

/// One copy of each value of the columns that repeat down a roster (school, subject, major…). A roster whose
/// cells are written inline (not through Excel's shared strings, as libxlsxwriter and many exporters write
/// them) otherwise keeps the same school name once per candidate: about 200 bytes a candidate, 20 MB of a
/// 100,000-candidate pack. Values short enough to be stored inside the string itself (15 UTF-8 bytes) are
/// left alone, and so is any value once `capacity` distinct ones are kept. Values are matched byte for byte
/// (`ExactText`): a value is shared only with one written exactly the same. Used by one thread.
final class RepeatedValues {
    /// The recognised fields whose values repeat from row to row.
    static let fields: Set<Field> = [.gender, .idType, .ethnicity, .education, .school, .major, .level, .enrollYear,
                                     .candidateType, .subject, .certificate, .title, .position]
    static let capacity = 20_000

    private var values: [ExactText: String] = [:]

    /// The kept copy of `value` (the first one seen), or `value` itself.
    func shared(_ value: String) -> String {
        guard value.utf8.count > 15 else { return value }
        let key = ExactText(value)
        if let kept = values[key] { return kept }
        if values.count < Self.capacity { values[key] = value }
        return value
    }
}
