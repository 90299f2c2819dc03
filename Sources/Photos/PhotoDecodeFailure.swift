import Support

/// Why a photo could not be decoded (`photo.unreadable`). Stable cases, worded by `message(_:)`.
public enum PhotoDecodeFailure: Diagnostic, Equatable, Error {
    /// The data stops before the image is complete (file cut off during copying or upload).
    case truncated
    /// The data is damaged or not a valid JPEG/PNG; `detail` is the codec's own (English) message.
    case corrupt(detail: String)
    /// Valid, but uses a feature this decoder cannot read (12-bit or lossless JPEG, …); `detail` as above.
    case unsupported(detail: String)
    /// More than `ImageDecoder.maxPixels` pixels: refused before allocating anything large.
    case tooLarge(width: Int, height: Int)

    /// The failure in plain words, English or Chinese (the codec's detail stays in English).
    public func describe(_ english: Bool) -> String {
        switch self {
        case .truncated:
            return english ? "the file is truncated (incomplete)" : "文件不完整（被截断）"
        case .corrupt(let detail):
            return (english ? "the data is damaged: " : "数据损坏：") + detail
        case .unsupported(let detail):
            return (english ? "an image variant that cannot be read: " : "不支持的图像编码：") + detail
        case .tooLarge(let width, let height):
            return english ? "\(width)×\(height) pixels, too many to decode" : "\(width)×\(height) 像素，像素过多，拒绝解码"
        }
    }

    public var code: String { "photo.unreadable" }

    public func message(_ language: Language) -> String { describe(language == .en) }
}
