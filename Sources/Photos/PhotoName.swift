import Support

/// What a photo's file name says about whose photo it is: `身份证号.jpg` or `姓名-身份证号.jpg`
/// (also `_` or a full-width dash as the separator), any folder depth, any case of extension and `x`.
public struct PhotoName: Sendable, Equatable {
    /// The document number in the name, cleaned and upper-cased.
    public let key: String
    /// The person's name before the separator, when the name has one.
    public let personName: String?
    /// The extension, lower-cased (`jpg`, `jpeg`, `png`, …).
    public let fileExtension: String

    /// Extensions that name photos.
    public static let photoExtensions: Set<String> = ["jpg", "jpeg", "png"]
    /// Extensions that name images of any kind: a file with one is checked as a photo (a HEIC or BMP
    /// then gets `photo.format`); a file with another extension is no photo at all (`archive.other-files`).
    public static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "bmp", "gif", "heic", "heif", "webp", "tif", "tiff", "jfif"]

    /// The lower-cased extension of `path`'s last component; nil when it has none.
    public static func fileExtension(of path: String) -> String? {
        let base = baseName(path)
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return nil }
        let ext = base[base.index(after: dot)...]
        return ext.isEmpty ? nil : ext.lowercased()
    }

    /// Parses the last path component of `path`; nil when it carries no document number.
    public static func parse(_ path: String) -> PhotoName? {
        let base = baseName(path)
        guard let dot = base.lastIndex(of: ".") else { return nil }
        let stem = TextCleaner.key(String(base[..<dot]))
        let ext = String(base[base.index(after: dot)...]).lowercased()
        let separators: Set<Character> = ["-", "_", "－", "—", "–", "＿"]
        var key = stem
        var person: String?
        if let cut = stem.lastIndex(where: { separators.contains($0) }) {
            key = String(stem[stem.index(after: cut)...])
            let before = TextCleaner.nameKey(String(stem[..<cut]))
            person = before.isEmpty ? nil : before
        }
        key = TextCleaner.documentNumber(key)
        guard key.count >= 5, key.count <= 20,
              key.unicodeScalars.allSatisfy({ ($0 >= "0" && $0 <= "9") || ($0 >= "A" && $0 <= "Z") || $0 == "(" || $0 == ")" })
        else { return nil }
        return PhotoName(key: key, personName: person, fileExtension: ext)
    }

    /// The last component of an entry path (either slash).
    public static func baseName(_ path: String) -> String {
        String(path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? Substring(path))
    }
}
