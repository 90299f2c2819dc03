import CZbar

/// libzbar's image scanner set up for QR codes only, with binary data kept as it was encoded (zbar would
/// otherwise guess a character set and may turn UTF-8 Chinese into Shift-JIS mojibake). Owns the
/// `zbar_image_scanner_t`; one per scan (zbar objects are not thread-safe).
final class ZbarScanner {
    private let scanner: OpaquePointer

    init?() {
        guard let scanner = zbar_image_scanner_create() else { return nil }
        self.scanner = scanner
        zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0)
        zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1)
        zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_BINARY, 1)
    }

    deinit { zbar_image_scanner_destroy(scanner) }

    /// The data of every QR code zbar finds in `image`, as bytes, in zbar's order.
    func scan(_ image: GrayImage) -> [[UInt8]] {
        guard image.width > 0, image.height > 0, image.pixels.count == image.width * image.height,
              image.width <= Int(UInt32.max), image.height <= Int(UInt32.max),
              let zimage = zbar_image_create() else { return [] }
        defer { zbar_image_destroy(zimage) }
        let y800 = UInt(UInt8(ascii: "Y")) | UInt(UInt8(ascii: "8")) << 8 | UInt(UInt8(ascii: "0")) << 16 | UInt(UInt8(ascii: "0")) << 24
        zbar_image_set_format(zimage, y800)
        zbar_image_set_size(zimage, UInt32(image.width), UInt32(image.height))
        return image.pixels.withUnsafeBytes { bytes -> [[UInt8]] in
            // zbar only reads the data during zbar_scan_image; no cleanup handler, the array owns it.
            zbar_image_set_data(zimage, bytes.baseAddress, UInt(bytes.count), nil)
            guard zbar_scan_image(scanner, zimage) > 0 else { return [] }
            var found: [[UInt8]] = []
            var symbol = zbar_image_first_symbol(zimage)
            while let current = symbol {
                let length = Int(zbar_symbol_get_data_length(current))
                if zbar_symbol_get_type(current) == ZBAR_QRCODE, let data = zbar_symbol_get_data(current), length > 0 {
                    found.append(data.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) })
                }
                symbol = zbar_symbol_next(current)
            }
            // Detach the borrowed pixels before the array's memory may go.
            zbar_image_set_data(zimage, nil, 0, nil)
            return found
        }
    }
}
