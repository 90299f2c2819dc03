import Foundation
import Support

/// One record to fill a template with: field values, and images for image fields (the photo).
public struct RenderRecord {
    public var values: [String: String]
    public var images: [String: PageImage]

    public init(values: [String: String], images: [String: PageImage] = [:]) {
        self.values = values
        self.images = images
    }
}
