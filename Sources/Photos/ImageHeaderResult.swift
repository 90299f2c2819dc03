/// Outcome of `ImageHeader.read`.
public enum ImageHeaderResult: Sendable, Equatable {
    /// A JPEG or PNG whose header could be read.
    case header(ImageHeader)
    /// Not a JPEG or PNG; `detected` is a name from `sniffOtherFormat` (`heic`, `webp`, `empty`, …).
    case notAnImage(detected: String)
    /// Starts like a JPEG or PNG but its header is truncated or malformed; `reason` is English detail.
    case corrupt(reason: String)
}
