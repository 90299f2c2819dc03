import Foundation
import Support

/// What a finished pack holds, for the closing summary.
public struct PackResult: Sendable {
    public var folder: String
    public var zip: String
    public var rows: Int
    public var valid: Int
    public var seated: Int
    public var rooms: Int
    public var sites: Int
    public var pages: Int
    public var files: Int
    public var errors: Int
    public var warnings: Int
    public var conflicts: Int
    public var kept: Int
    public var seconds: Double
    /// The pack's problems (validation and seating), as in report.json.
    public var problems: [Problem]
}
