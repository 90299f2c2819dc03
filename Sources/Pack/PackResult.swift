import Foundation
import Support

/// What a finished pack holds, for the closing summary.
public struct PackResult: Sendable {
    public var folder: String
    public var zip: String
    public var rows: Int
    public var valid: Int
    /// Candidates with at least one seat.
    public var seated: Int
    /// Registrations seated (a candidate sitting two subjects counts two).
    public var registrations: Int
    /// Roster rows none of whose registrations got a seat.
    public var notSeated: Int
    /// Rooms used.
    public var rooms: Int
    /// Room × session sittings (each with its door label, sign-in sheet and desk labels).
    public var sittings: Int
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
