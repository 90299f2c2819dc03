import CPNG

/// Owns one libpng simplified-API `png_image` control block: the only place it is allocated and
/// freed. It lives on the heap because libpng keeps a pointer to it between `begin` and `finish`.
/// One reader reads one image; the bytes given to `begin` must stay valid until `finish` returns.
final class PNGReader {
    private let image: UnsafeMutablePointer<png_image>

    init() {
        image = .allocate(capacity: 1)
        image.initialize(to: png_image())
        image.pointee.version = UInt32(PNG_IMAGE_VERSION)
    }

    deinit {
        png_image_free(image)
        image.deinitialize(count: 1)
        image.deallocate()
    }

    var width: Int { Int(image.pointee.width) }
    var height: Int { Int(image.pointee.height) }

    /// Reads the header; nil on success, else libpng's message.
    func begin(_ png: UnsafeRawBufferPointer) -> String? {
        guard let base = png.baseAddress, !png.isEmpty else { return "empty buffer" }
        return png_image_begin_read_from_memory(image, base, png.count) != 0 ? nil : message()
    }

    /// Decodes every row to packed 8-bit RGB (`width * 3` bytes a row), compositing any alpha over
    /// white; nil on success (warnings such as odd ICC profiles are ignored), else libpng's message.
    func finishRGB(into destination: UnsafeMutableRawBufferPointer) -> String? {
        precondition(destination.count >= width * height * 3, "destination buffer too small")
        image.pointee.format = UInt32(PNG_FORMAT_RGB)
        var white = png_color(red: 255, green: 255, blue: 255)
        let ok = png_image_finish_read(image, &white, destination.baseAddress, Int32(width * 3), nil)
        return ok != 0 ? nil : message()
    }

    private func message() -> String {
        withUnsafeBytes(of: image.pointee.message) { raw in
            let text = raw.prefix(while: { $0 != 0 })
            return text.isEmpty ? "unknown libpng error" : String(decoding: text, as: UTF8.self)
        }
    }

    /// Whether the chunks of `png`, walked by their declared lengths from after the signature, reach
    /// an IEND chunk inside the buffer. libpng's simplified reader stops after the image data, so a
    /// file cut off after it would otherwise pass as whole.
    static func reachesEndChunk(_ png: UnsafeRawBufferPointer) -> Bool {
        var p = 8
        while p + 12 <= png.count {
            let length = Int(png[p]) << 24 | Int(png[p + 1]) << 16 | Int(png[p + 2]) << 8 | Int(png[p + 3])
            if png[p + 4] == 0x49, png[p + 5] == 0x45, png[p + 6] == 0x4E, png[p + 7] == 0x44 { return true }   // IEND
            guard length <= png.count - p - 12 else { return false }
            p += 12 + length
        }
        return false
    }
}
