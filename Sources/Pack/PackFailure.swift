import Documents
import Foundation
import Photos
import Render
import Seating
import Support
import Synchronization
import Validation

/// The pack cannot be made from this input (`pack.no-candidate`: no valid candidate); the report says why.
public struct PackFailure: Error, Diagnostic {
    public let report: ValidationReport
    public let zh: String
    public let en: String

    public var code: String { "pack.no-candidate" }
    public func message(_ language: Language) -> String { language.pick(zh, en) }
}
