import Support

/// The problem codes of photos and photo archives (`photo.*`, `archive.*`), made by Photos (and matched
/// against the roster by Validation).
public enum PhotoCodes {
    public static let all: [ProblemCode] = [
        ProblemCode("photo.missing", zh: "缺少照片", en: "photo missing"),
        ProblemCode("photo.unreadable", zh: "照片无法读取", en: "photo unreadable"),
        ProblemCode("photo.format", zh: "照片格式不对", en: "not a JPG/PNG photo"),
        ProblemCode("photo.too-large", zh: "照片文件过大", en: "photo file too large"),
        ProblemCode("photo.dimensions", zh: "照片像素尺寸不对", en: "wrong photo size"),
        ProblemCode("photo.background", zh: "照片底色不对", en: "wrong background colour"),
        ProblemCode("photo.cmyk", zh: "照片是 CMYK 色彩", en: "CMYK photo"),
        ProblemCode("photo.orphan", zh: "多余的照片（名单里没有此人）", en: "photo without a roster row"),
        ProblemCode("photo.duplicate", zh: "同一考生有多张照片", en: "several photos for one person"),
        ProblemCode("photo.name-mismatch", zh: "照片文件名中的姓名与名单不符", en: "name in file name differs"),
        ProblemCode("photo.filename", zh: "照片文件名无法对应考生", en: "photo file name has no ID"),
        ProblemCode("archive.unreadable", zh: "压缩包无法读取", en: "archive unreadable"),
        ProblemCode("archive.unsafe-path", zh: "压缩包内路径不安全", en: "unsafe path in archive"),
        ProblemCode("archive.too-large", zh: "压缩包超出安全上限", en: "archive over the safety limits"),
        ProblemCode("archive.other-files", zh: "压缩包里有不是图片的文件（已忽略）", en: "files that are no images in the archive (ignored)"),
    ]
}
