import Documents
import Foundation
import Photos
import Seating

/// An exam room with what the documents print besides the seating facts.
public struct PackRoom: Sendable, Equatable {
    public var room: Room
    public var siteAddress: String
    /// 监考人员, printed on sign-in sheets.
    public var invigilators: String
    /// Where the room was defined (job file line or table row), for messages.
    public var origin: String
    /// The sessions the room is open in, as the job names them (code or subject); nil: every session.
    public var sessions: [String]? = nil
}
