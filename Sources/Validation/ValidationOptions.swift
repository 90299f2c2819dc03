import Foundation
import Identity
import Photos
import Roster
import Support

/// Everything `kaowu validate` can be told: which sheet, extra header mappings, the photo rules, the date and
/// the threads. Messages are kept in both languages and picked by whoever shows them.
public struct ValidationOptions: Sendable {
    /// Sheet name or 1-based number; by default the first visible sheet.
    public var sheet: String?
    /// Header text → field, for columns the aliases do not know (`--map 列名=field`).
    public var mappings: [String: Field] = [:]
    /// What a photo must be: size and tolerance, largest file, background (the same rules render and
    /// pack print by).
    public var photo = PhotoRules()
    /// Archive safety limits.
    public var limits = ArchiveLimits()
    /// The date IDs are checked against (birth dates in the future are errors).
    public var today: CivilDate = .today()
    /// The roster columns (by header text) each candidate keeps as written, for templates that print a
    /// column by its name (`{{证书编号}}`); nil keeps them all. A print pack keeps only those its templates use:
    /// every column of every row kept was a tenth of a 100,000-candidate pack's memory.
    public var keptColumns: Set<String>?
    /// Worker threads for photo checks; all cores by default.
    public var threads = max(1, ProcessInfo.processInfo.activeProcessorCount)

    public init() {}
}
