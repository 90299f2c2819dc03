import Foundation
import Support

/// What checking one archive entry as a photo found.
public struct PhotoInspection: Sendable {
    public var problems: [Problem] = []
    /// The measured background, when the photo could be decoded.
    public var background: BackgroundColour?

    public init(problems: [Problem] = [], background: BackgroundColour? = nil) {
        self.problems = problems
        self.background = background
    }
}
