import CTurboJPEG

/// Owns one TurboJPEG decompressor handle: the only place it is created and destroyed.
/// Not thread-safe; used by one `ImageDecoder`.
final class JPEGDecompressor {
    private let handle: tjhandle

    /// Nil only when TurboJPEG cannot allocate its state.
    init?() {
        guard let handle = tjInitDecompress() else { return nil }
        self.handle = handle
    }

    deinit { tjDestroy(handle) }

    /// What `tjDecompressHeader3` reports.
    struct Info {
        var width: Int
        var height: Int
        /// TurboJPEG colour space (`TJCS_*`).
        var colourspace: Int32
        var isCMYK: Bool { colourspace == Int32(TJCS_CMYK.rawValue) || colourspace == Int32(TJCS_YCCK.rawValue) }
    }

    /// How a TurboJPEG call ended; `message` is libjpeg's own text.
    enum Status {
        case ok
        case warning(message: String)
        case fatal(message: String)
    }

    /// Header facts, nil on a fatal error; warnings come with the facts.
    func readHeader(_ jpeg: UnsafeRawBufferPointer) -> (Info?, Status) {
        guard let base = jpeg.baseAddress, !jpeg.isEmpty else { return (nil, .fatal(message: "empty buffer")) }
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colourspace: Int32 = 0
        let rc = tjDecompressHeader3(handle, base.assumingMemoryBound(to: UInt8.self), UInt(jpeg.count),
                                     &width, &height, &subsampling, &colourspace)
        // On a warning TurboJPEG returns -1 but has still filled in the header facts.
        let status = rc == 0 ? Status.ok : status()
        if case .fatal = status { return (nil, status) }
        return (Info(width: Int(width), height: Int(height), colourspace: colourspace), status)
    }

    /// Decodes the whole file (every scan is entropy-decoded, so damage anywhere is seen) into
    /// `destination` at `width`×`height` (a supported scaled size), packed, in RGB or CMYK; `accurate`
    /// upsamples chroma smoothly (for pixels that are shown) instead of fast (for measuring).
    func decompress(_ jpeg: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer,
                    width: Int, height: Int, cmyk: Bool, accurate: Bool = false) -> Status {
        guard let base = jpeg.baseAddress, !jpeg.isEmpty else { return .fatal(message: "empty buffer") }
        let format = cmyk ? TJPF_CMYK : TJPF_RGB
        let pitch = width * (cmyk ? 4 : 3)
        precondition(destination.count >= pitch * height, "destination buffer too small")
        let rc = tjDecompress2(handle, base.assumingMemoryBound(to: UInt8.self), UInt(jpeg.count),
                               destination.baseAddress!.assumingMemoryBound(to: UInt8.self),
                               Int32(width), Int32(pitch), Int32(height), Int32(format.rawValue),
                               accurate ? TJFLAG_LIMITSCANS : TJFLAG_LIMITSCANS | TJFLAG_FASTUPSAMPLE)
        return rc == 0 ? .ok : status()
    }

    private func status() -> Status {
        let message = tjGetErrorStr2(handle).map { String(cString: $0) } ?? "unknown TurboJPEG error"
        return tjGetErrorCode(handle) == Int32(TJERR_WARNING.rawValue) ? .warning(message: message) : .fatal(message: message)
    }

    /// Size TurboJPEG produces for `size` scaled by `numerator/denominator` (TJSCALED).
    static func scaled(_ size: Int, _ numerator: Int, _ denominator: Int) -> Int {
        (size * numerator + denominator - 1) / denominator
    }
}
