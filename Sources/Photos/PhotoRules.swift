import Foundation
import Support

/// The photo rules an exam office sets: pixel size with tolerance, largest file, background colour.
public struct PhotoRules: Sendable, Equatable {
    /// Required size in pixels as shown (295×413 by default, the seeds' rule), and how many pixels a photo
    /// may differ from it in each direction.
    public var width = 295
    public var height = 413
    public var tolerance = 0
    /// Largest photo file (the seeds' rule: 5 MB); reads from the archive are capped at it.
    public var maxBytes = 5 * 1024 * 1024
    /// When set, another background colour is an error.
    public var requiredBackground: BackgroundColour?
    /// Headers claiming more than this many pixels are refused before any decoding.
    public var maxPixels = 40_000_000

    public init() {}
}
