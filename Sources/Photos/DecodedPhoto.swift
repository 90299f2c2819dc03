import Support

/// A photo that decoded completely, with its header facts and background reading.
public struct DecodedPhoto: Sendable, Equatable {
    /// Header facts (as passed to `ImageDecoder.decode`, confirmed by the decoder).
    public let header: ImageHeader
    /// Background measured on the border of the photo as shown (after its EXIF orientation).
    public let background: BackgroundReading

    /// A decoded photo as given.
    public init(header: ImageHeader, background: BackgroundReading) {
        self.header = header
        self.background = background
    }
}
