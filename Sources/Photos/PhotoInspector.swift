import Archive
import Foundation
import Support

/// Checks photos of one archive, reading each on demand: content format, file size, pixel size (from the
/// header, before decoding), a full decode (truncated or corrupt files), CMYK, and background colour.
/// Size and background are those of the photo as shown and printed, its EXIF orientation applied.
/// Holds its own decoder, so use one inspector per thread.
public final class PhotoInspector {
    private let archive: SharedArchive
    private let decoder = ImageDecoder()
    private let rules: PhotoRules

    public init(archive: SharedArchive, rules: PhotoRules) {
        self.archive = archive
        self.rules = rules
    }

    public func inspect(_ entry: ArchiveEntry) -> PhotoInspection {
        var result = PhotoInspection()
        func add(_ severity: Severity, _ code: String, _ zh: String, _ en: String, value: String? = nil) {
            result.problems.append(Problem(severity, code, value: value, entry: entry.path, message: LocalizedText(zh: zh, en: en)))
        }
        let megabytes = { (n: UInt64) in String(format: "%.1f MB", Double(n) / 1_048_576) }
        let limitText = megabytes(UInt64(rules.maxBytes))
        if entry.isEncrypted {
            add(.error, "photo.unreadable", "文件已加密（压缩包设了密码），无法读取。请不加密码重新打包", "the file is encrypted (password-protected archive); re-create the archive without a password")
            return result
        }
        if entry.declaredSize > UInt64(rules.maxBytes) {
            add(.error, "photo.too-large", "照片 \(megabytes(entry.declaredSize))，超过 \(limitText) 的上限", "the photo is \(megabytes(entry.declaredSize)), over the \(limitText) limit",
                value: String(entry.declaredSize))
            return result
        }
        let bytes: [UInt8]
        do {
            bytes = try archive.read(at: entry.index, limit: rules.maxBytes)
        } catch ZipError.tooLarge {
            add(.error, "archive.too-large", "解压后的数据比压缩包声明的大（超过 \(limitText)），压缩包损坏或是压缩炸弹，未读取",
                "the entry expands beyond its declared size (over \(limitText)): damaged archive or zip bomb; not read")
            return result
        } catch {
            add(.error, "photo.unreadable", "无法从压缩包读取：\(error)", "cannot read it from the archive: \(error)")
            return result
        }
        if bytes.isEmpty {
            add(.error, "photo.unreadable", "文件是空的（0 字节）", "the file is empty (0 bytes)")
            return result
        }
        bytes.withUnsafeBytes { raw in
            let header: ImageHeader
            switch ImageHeader.read(raw) {
            case .notAnImage(let detected):
                let zh = ["unknown": "无法识别的数据", "empty": "空文件"][detected] ?? detected.uppercased()
                let en = ["unknown": "unrecognised data", "empty": "an empty file"][detected] ?? detected.uppercased()
                add(.error, "photo.format", "不是 JPG 或 PNG 照片（实际内容：\(zh)）。请转换为 JPG",
                    "not a JPG or PNG photo (the content is \(en)); convert it to JPG", value: detected)
                return
            case .corrupt(let reason):
                add(.error, "photo.unreadable", "照片文件损坏：\(reason)", "the photo is damaged: \(reason)")
                return
            case .header(let h):
                header = h
            }
            // Sizes are checked and reported as the photo is shown and printed: its EXIF orientation applied.
            let (width, height) = (header.displayedWidth, header.displayedHeight)
            let size = "\(width)×\(height)"
            if width * height > rules.maxPixels || width > 20_000 || height > 20_000 {
                add(.error, "photo.dimensions", "照片声称 \(size) 像素，大得不合理，未解码。要求 \(rules.width)×\(rules.height)",
                    "the photo claims \(size) pixels, implausibly large; not decoded. Required: \(rules.width)×\(rules.height)", value: size)
                return
            }
            if abs(width - rules.width) > rules.tolerance || abs(height - rules.height) > rules.tolerance {
                add(.error, "photo.dimensions", "照片尺寸 \(size) 像素\(storedNote(header, english: false))，要求 \(rules.width)×\(rules.height)",
                    "the photo is \(size) pixels\(storedNote(header, english: true)); required \(rules.width)×\(rules.height)", value: size)
            }
            if header.isCMYK {
                add(.warning, "photo.cmyk", "照片是 CMYK 色彩（印刷用），部分系统显示偏色，建议另存为 RGB",
                    "the photo uses CMYK colour (for print); some systems show it wrongly, save it as RGB")
            }
            switch decoder.decode(raw, header: header) {
            case .failed(let failure):
                add(.error, "photo.unreadable", "照片无法完整解码：\(failure.describe(false))", "the photo cannot be decoded: \(failure.describe(true))")
            case .decoded(let photo):
                result.background = photo.background.colour
                if let required = rules.requiredBackground, photo.background.colour != required {
                    let reading = photo.background
                    add(.error, "photo.background",
                        "照片底色为\(reading.colour.chineseName)（RGB \(reading.red),\(reading.green),\(reading.blue)），要求\(required.chineseName)底",
                        "the background is \(reading.colour.rawValue) (RGB \(reading.red),\(reading.green),\(reading.blue)); required: \(required.rawValue)",
                        value: reading.colour.rawValue)
                }
            }
        }
        return result
    }
}

/// For a photo whose EXIF orientation turns it: how it is stored, so a size that looks right in a file
/// listing but wrong when shown is explained. Empty when shown as stored.
private func storedNote(_ header: ImageHeader, english: Bool) -> String {
    guard header.orientation.swapsSides else { return "" }
    let stored = "\(header.width)×\(header.height)"
    return english ? " as shown (stored \(stored), \(header.orientation.describe(true)))"
                   : "（显示尺寸；文件存储为 \(stored)，\(header.orientation.describe(false))）"
}

extension BackgroundColour {
    /// 红色, 蓝色, 白色, 其他颜色.
    public var chineseName: String {
        switch self {
        case .red: return "红色"
        case .blue: return "蓝色"
        case .white: return "白色"
        case .other: return "其他颜色"
        }
    }
}
