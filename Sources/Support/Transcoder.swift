#if canImport(Glibc)
import Glibc
#endif

/// Converts a stream of bytes between encodings (GB18030 to UTF-8, usually) chunk by chunk through iconv,
/// carrying a character split across chunks over to the next one. Strict: invalid input throws.
public final class Transcoder {
    private let handle: iconv_t
    private var carry: [UInt8] = []
    private var output: [UInt8]

    /// Invalid input at `offset` bytes from the start of the stream.
    public struct InvalidInput: Error, Sendable { public let offset: Int }

    private var consumed = 0

    /// A converter from `encoding` (an iconv name such as `GB18030`) to `target` (UTF-8 by default);
    /// nil when iconv lacks either.
    public init?(from encoding: String, to target: String = "UTF-8") {
        guard let h = iconv_open(target, encoding), h != iconv_t(bitPattern: -1) else { return nil }
        handle = h
        output = []
    }

    deinit { iconv_close(handle) }

    /// Converts `chunk`, returning the UTF-8 bytes of every complete character in it.
    /// At the end of the stream pass `final: true`: an incomplete last character then throws.
    public func convert(_ chunk: UnsafeBufferPointer<UInt8>, final: Bool) throws -> [UInt8] {
        var input = carry
        input.append(contentsOf: chunk)
        carry.removeAll(keepingCapacity: true)
        if input.isEmpty { return [] }
        let capacity = input.count * 2 + 16
        if output.count < capacity { output = [UInt8](repeating: 0, count: capacity) }
        var failure: Int32 = 0
        var left = 0
        let produced: Int = input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPtr: UnsafeMutablePointer<CChar>? = inRaw.baseAddress!.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outPtr: UnsafeMutablePointer<CChar>? = outRaw.baseAddress!.assumingMemoryBound(to: CChar.self)
                var outLeft = outRaw.count
                if iconv(handle, &inPtr, &inLeft, &outPtr, &outLeft) == -1 { failure = errno }
                left = inLeft
                return outRaw.count - outLeft
            }
        }
        let done = input.count - left
        if failure == EILSEQ || (failure == EINVAL && final) || (failure != 0 && failure != EINVAL) {
            throw InvalidInput(offset: consumed + done)
        }
        consumed += done
        if left > 0 { carry = Array(input.suffix(left)) }
        return Array(output.prefix(produced))
    }
}
