import Foundation

/// A holder's photo kept with the certificate when the issuer chose to show it on the verification page
/// (`certificate.show-photo: true`): the image bytes as printed on the certificate.
public struct HolderPhoto: Sendable, Equatable {
    public var number: String
    /// JPEG or PNG bytes.
    public var image: [UInt8]

    public init(number: String, image: [UInt8]) {
        self.number = number
        self.image = image
    }
}
