import Foundation
import Support

/// Where a running pack is: the stage (validating, rendering, …), work done and work in all.
public struct PackProgress: Sendable {
    public enum Stage: Sendable { case validating, seating, rendering, writing, zipping }
    public var stage: Stage
    public var done: Int
    public var total: Int
    public var note: String

    public init(stage: Stage, done: Int, total: Int, note: String) {
        self.stage = stage
        self.done = done
        self.total = total
        self.note = note
    }
}
