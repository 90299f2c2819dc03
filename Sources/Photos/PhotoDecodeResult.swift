import Support

/// Outcome of `ImageDecoder.decode`.
public enum PhotoDecodeResult: Sendable, Equatable {
    /// Every byte of image data decoded; the background was measured.
    case decoded(DecodedPhoto)
    /// The photo cannot be used as it is.
    case failed(PhotoDecodeFailure)
}
