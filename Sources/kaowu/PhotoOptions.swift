import ArgumentParser
import Photos
import Support
import Validation

/// What a photo must be like: the photo options of `kaowu validate` (pixel size, tolerance, background,
/// file size), checked before anything runs and applied to the validation options.
struct PhotoOptions: ParsableArguments {
    @Option(name: .long, help: "照片像素尺寸，宽x高")
    var photoSize: String = "295x413"

    @Option(name: .long, help: "照片尺寸允许的误差（像素）")
    var photoTolerance: Int = 0

    @Option(name: .long, help: "要求的照片底色：red、blue 或 white（不符即为错误）")
    var photoBackground: String?

    @Option(name: .long, help: "照片文件大小上限（MB）")
    var maxPhotoMb: Double = 5

    /// `--photo-size` as width and height in pixels (`295x413`, `295×413` or `295*413`), nil when malformed.
    var size: (width: Int, height: Int)? {
        let parts = photoSize.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" || $0 == "*" }).compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0 else { return nil }
        return (parts[0], parts[1])
    }

    /// `--photo-background` as a colour (nil when not given), named in English or Chinese in any case
    /// (`red`, `Red`, `红`, `红色`, `红底`, …); `.other` when it names none of red, blue, white.
    var background: BackgroundColour? {
        photoBackground.map { BackgroundColour.named($0) ?? .other }
    }

    /// Every check, in the command's message language (called from the command's `validate()`).
    func check(_ l: Language) throws {
        try OptionCheck.range(maxPhotoMb, 0.01...1024, "--max-photo-mb", l)
        try OptionCheck.range(photoTolerance, 0...1000, "--photo-tolerance", l)
        guard size != nil else { throw ValidationError(l.pick("--photo-size 应写成 295x413", "--photo-size takes WIDTHxHEIGHT, e.g. 295x413")) }
        if background == .other {
            throw ValidationError(l.pick("--photo-background 只能是 red（红）、blue（蓝）或 white（白），而不是“\(photoBackground ?? "")”",
                                         "--photo-background must be red, blue or white (or 红, 蓝, 白), not \"\(photoBackground ?? "")\""))
        }
    }

    /// Sets the photo rules of `options` (after `check`).
    func apply(to options: inout ValidationOptions) {
        if let size {
            options.photo.width = size.width
            options.photo.height = size.height
        }
        options.photo.tolerance = max(0, photoTolerance)
        if let background { options.photo.requiredBackground = background }
        options.photo.maxBytes = Int(maxPhotoMb * 1_048_576)
    }
}
