import Foundation
import Photos
import Support

/// Finds the QR codes in a photo or scan of a printed certificate (PNG or JPEG, decoded by Photos'
/// `ImageDecoder`) or in the first page of a PDF (drawn by poppler at 200 dpi, then 300), decoded with
/// libzbar. Each code's bytes become text as UTF-8, else GB18030, else UTF-8 with replacement characters;
/// the same text found twice is returned once. When nothing is found at full size, the picture is tried
/// again at half and a quarter of its size (phone photos are large and noisy).
public enum QRScanner {
    /// Largest file read.
    public static let maxFileBytes = 64 << 20

    /// The QR texts in the PNG or JPEG at `path`; throws `ScanError` for a file that is not a whole image.
    public static func scanImage(path: String) throws -> [String] {
        let bytes = try read(path)
        let pixels: RGBPixels = try bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) throws(ScanError) -> RGBPixels in
            let header: ImageHeader
            switch ImageHeader.read(buffer) {
            case .header(let read): header = read
            case .notAnImage(let detected):
                throw .unreadable(path: path, detail: LocalizedText(zh: "不是 PNG 或 JPEG 图片（\(detected)）", en: "not a PNG or JPEG image (\(detected))"))
            case .corrupt(let reason):
                throw .unreadable(path: path, detail: LocalizedText(zh: "图片头损坏：\(reason)", en: "damaged image header: \(reason)"))
            }
            let decoder = ImageDecoder()
            // A full decode first, so a truncated or damaged file is named as such rather than half read.
            if case .failed(let failure) = decoder.decode(buffer, header: header) {
                throw .unreadable(path: path, detail: LocalizedText(zh: failure.message(.zh), en: failure.message(.en)))
            }
            let pixels = header.format == .png ? decoder.rgbPixels(ofPNG: buffer) : decoder.rgbPixels(ofJPEG: buffer)
            guard let pixels else {
                throw .unreadable(path: path, detail: LocalizedText(zh: "图片无法解码", en: "the image cannot be decoded"))
            }
            return pixels
        }
        let gray = GrayImage(pixels)
        return scan(pixels: gray.pixels, width: gray.width, height: gray.height)
    }

    /// The QR texts on the first page of the PDF at `path`; throws `ScanError` for an unreadable PDF or
    /// one without pages.
    public static func scanPDF(path: String) throws -> [String] {
        _ = try read(path)            // size and existence checked before poppler opens it
        let page = try PDFPageRaster(path: path)
        for dpi in [200.0, 300.0] {
            guard let gray = page.gray(dpi: dpi) else {
                throw ScanError.unreadable(path: path, detail: LocalizedText(zh: "页面无法绘制", en: "the page cannot be drawn"))
            }
            let found = scan(pixels: gray.pixels, width: gray.width, height: gray.height)
            if !found.isEmpty { return found }
        }
        return []
    }

    /// The QR texts in 8-bit gray pixels (`width` × `height`, rows without padding); empty when the
    /// sizes do not match the pixels.
    public static func scan(pixels gray: [UInt8], width: Int, height: Int) -> [String] {
        guard width > 0, height > 0, width.multipliedReportingOverflow(by: height) == (gray.count, false),
              let scanner = ZbarScanner() else { return [] }
        var image: GrayImage? = GrayImage(width: width, height: height, pixels: gray)
        var attempts = 0
        while let current = image, attempts < 3 {
            let found = scanner.scan(current)
            if !found.isEmpty { return unique(found.map(text)) }
            image = current.halved()
            attempts += 1
        }
        return []
    }

    private static func read(_ path: String) throws(ScanError) -> [UInt8] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = (attributes?[.size] as? NSNumber)?.intValue, attributes?[.type] as? FileAttributeType == .typeRegular,
              let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, detail: LocalizedText(zh: "文件不存在或无法读取", en: "no such file, or it cannot be read"))
        }
        defer { try? handle.close() }
        guard size <= maxFileBytes else { throw .tooLarge(path: path, bytes: size) }
        guard let data = try? handle.read(upToCount: maxFileBytes + 1), data.count <= maxFileBytes else {
            throw .unreadable(path: path, detail: LocalizedText(zh: "文件无法读取", en: "the file cannot be read"))
        }
        return [UInt8](data)
    }

    private static func text(_ bytes: [UInt8]) -> String {
        if let utf8 = String(validating: bytes, as: UTF8.self) { return utf8 }
        return GB18030.decode(bytes) ?? String(decoding: bytes, as: UTF8.self)
    }

    private static func unique(_ texts: [String]) -> [String] {
        var seen = Set<String>()
        return texts.filter { seen.insert($0).inserted }
    }
}
