import Foundation
import Identity
import Photos
import Roster
import Support

/// Everything `kaowu validate` can be told: which sheet, extra header mappings, the photo rules and the
/// message language.
public struct ValidationOptions: Sendable {
    /// Sheet name or 1-based number; by default the first visible sheet.
    public var sheet: String?
    /// Header text → field, for columns the aliases do not know (`--map 列名=field`).
    public var mappings: [String: Field] = [:]
    /// Required photo size in pixels (width × height); 295×413 by default (the seeds' rule).
    public var photoWidth = 295
    public var photoHeight = 413
    /// Pixels a photo may differ from the required size in each direction.
    public var photoTolerance = 0
    /// When set, a photo whose background is another colour is an error (`photo.background`).
    public var requiredBackground: BackgroundColour?
    /// Archive safety limits and the largest photo.
    public var limits = ArchiveLimits()
    /// Language of messages.
    public var language: Language = .zh
    /// The date IDs are checked against (birth dates in the future are errors).
    public var today: CivilDate = .today()
    /// Worker threads for photo checks; all cores by default.
    public var threads = max(1, ProcessInfo.processInfo.activeProcessorCount)

    public init() {}
}
