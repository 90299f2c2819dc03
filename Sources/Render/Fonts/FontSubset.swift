internal import CCairo
import Foundation
import Support
import Synchronization

/// The fonts of one job, cut down once to the characters the job prints. Cairo writes, into every PDF,
/// a subset of each font face the file uses, and to make it copies and parses the face's whole CFF table
/// (with all its subroutines): ~50 ms per file with the full Noto CJK faces (15 MB each). A pack writes
/// thousands of small PDFs, so the faces the templates use are first cut down with HarfBuzz to the
/// job's characters, without subroutines (a few hundred KB), and Pango is given a fontconfig
/// configuration where those cut faces replace the originals and every other system font stays as the
/// fallback for anything else. Text looks exactly the same; each file costs a few ms instead.
///
/// Owns the fontconfig configuration (freed once, with the object); `use` gives the calling thread a
/// Pango font map built on it for the duration of a block.
public final class FontSubset: @unchecked Sendable {
    private let config: OpaquePointer
    /// The original faces (file and index) that were replaced, and the files that replace them.
    public let replaced: [(file: String, index: Int, subset: String)]

    /// Characters always included: printable ASCII, Latin-1 letters, CJK punctuation and full-width forms.
    static let baseCharacters: Set<Unicode.Scalar> = {
        var set = Set<Unicode.Scalar>()
        for range in [0x20...0x7E, 0xA0...0xFF, 0x2010...0x2027, 0x2030...0x203A, 0x3000...0x303F, 0xFF01...0xFF5E] {
            for value in range { if let scalar = Unicode.Scalar(value) { set.insert(scalar) } }
        }
        return set
    }()

    /// Resolves the faces `styles` use (each family of each style, regular or bold, as fontconfig matches
    /// them), writes each cut down to `characters` into `directory`, and builds the configuration.
    public init(styles: [TextStyle], characters: Set<Unicode.Scalar>, directory relative: String) throws {
        // fontconfig wants absolute folders.
        let directory = URL(fileURLWithPath: relative).standardizedFileURL.path
        try? FileManager.default.removeItem(atPath: directory)      // left by an interrupted run
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let wanted = characters.union(Self.baseCharacters)
        var faces: [FaceKey] = []
        // Each family and weight is matched once (fontconfig takes about a millisecond a match; templates
        // repeat the same few styles dozens of times).
        var matched = Set<String>()
        for style in styles {
            for family in style.family.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !family.isEmpty {
                guard matched.insert(family + (style.bold ? "\u{1}bold" : "")).inserted else { continue }
                if let face = Self.match(family: family, bold: style.bold), !faces.contains(face) { faces.append(face) }
            }
        }
        // The faces are cut on all cores (each reads a 15–20 MB font file).
        let paths = faces.indices.map { (directory as NSString).appendingPathComponent("face-\($0 + 1).otf") }
        let failure = Mutex<Error?>(nil)
        let found = faces
        DispatchQueue.concurrentPerform(iterations: found.count) { n in
            do { try Self.subset(found[n], characters: wanted, to: paths[n]) } catch { failure.withLock { $0 = $0 ?? error } }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        let replaced = faces.indices.map { (file: faces[$0].file, index: faces[$0].index, subset: paths[$0]) }
        guard let config = FcConfigCreate() else { throw FontSubsetError(description: "fontconfig: cannot create a configuration") }
        let xml = Self.configuration(replaced: replaced)
        // The cut faces are added as application fonts, not as a font folder: fontconfig caches folders and
        // trusts a cache while the folder's time is unchanged, so a folder reused by a later run with other
        // characters could be read from a stale cache.
        guard FcConfigParseAndLoadFromMemory(config, xml, 1) != 0, FcConfigBuildFonts(config) != 0,
              replaced.allSatisfy({ FcConfigAppFontAddFile(config, $0.subset) != 0 }) else {
            FcConfigDestroy(config)
            throw FontSubsetError(description: "fontconfig: cannot load the configuration for \(directory)")
        }
        self.config = config
        self.replaced = replaced
    }

    deinit { FcConfigDestroy(config) }

    /// Runs `body` with this thread's Pango drawing (every `Canvas` made inside it) using the cut-down faces.
    public func use<T>(_ body: () throws -> T) rethrows -> T {
        let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)
        if let map {
            pango_fc_font_map_set_config(OpaquePointer(map), config)
            pango_cairo_font_map_set_default(OpaquePointer(map))
            g_object_unref(map)        // the thread's default holds it now
        }
        defer {
            // The texts laid out with these faces are not kept past them.
            TextLayoutCache.current.removeAll()
            if map != nil { pango_cairo_font_map_set_default(nil) }
        }
        return try body()
    }

    struct FaceKey: Equatable, Sendable {
        var file: String
        var index: Int
    }

    /// The face fontconfig gives `family` in regular or bold weight, when that family is installed.
    static func match(family: String, bold: Bool) -> FaceKey? {
        guard let pattern = FcPatternCreate() else { return nil }
        defer { FcPatternDestroy(pattern) }
        FcPatternAddString(pattern, FC_FAMILY, family)
        FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR)
        FcConfigSubstitute(nil, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let match = FcFontMatch(nil, pattern, &result) else { return nil }
        defer { FcPatternDestroy(match) }
        var families: [String] = []
        var value: UnsafeMutablePointer<FcChar8>?
        var n: Int32 = 0
        while FcPatternGetString(match, FC_FAMILY, n, &value) == FcResultMatch, let value {
            families.append(String(cString: value))
            n += 1
        }
        guard families.contains(where: { $0.caseInsensitiveCompare(family) == .orderedSame }) else { return nil }
        var file: UnsafeMutablePointer<FcChar8>?
        var index: Int32 = 0
        guard FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch, let file else { return nil }
        _ = FcPatternGetInteger(match, FC_INDEX, 0, &index)
        return FaceKey(file: String(cString: file), index: Int(index))
    }

    /// Writes `face` cut down to `characters`, without subroutines, to `path`.
    static func subset(_ face: FaceKey, characters: Set<Unicode.Scalar>, to path: String) throws {
        guard let blob = hb_blob_create_from_file_or_fail(face.file) else {
            throw FontSubsetError(description: "\(face.file): cannot read the font")
        }
        defer { hb_blob_destroy(blob) }
        let hbFace = hb_face_create(blob, UInt32(face.index))
        defer { hb_face_destroy(hbFace) }
        guard let input = hb_subset_input_create_or_fail() else { throw FontSubsetError(description: "harfbuzz: out of memory") }
        defer { hb_subset_input_destroy(input) }
        let unicodes = hb_subset_input_unicode_set(input)
        for scalar in characters.sorted(by: { $0.value < $1.value }) { hb_set_add(unicodes, scalar.value) }
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_DESUBROUTINIZE.rawValue)
        guard let subset = hb_subset_or_fail(hbFace, input) else {
            throw FontSubsetError(description: "\(face.file) #\(face.index): harfbuzz cannot subset this font")
        }
        defer { hb_face_destroy(subset) }
        let out = hb_face_reference_blob(subset)
        defer { hb_blob_destroy(out) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(out, &length), length > 0 else {
            throw FontSubsetError(description: "\(face.file) #\(face.index): empty subset")
        }
        let bytes = Data(bytes: data, count: Int(length))
        try bytes.write(to: URL(fileURLWithPath: path))
    }

    /// A fontconfig configuration: the system's, minus the replaced faces.
    static func configuration(replaced: [(file: String, index: Int, subset: String)]) -> String {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        var system = "/etc/fonts/fonts.conf"
        if let name = FcConfigFilename(nil) {
            system = String(cString: name)
            FcStrFree(name)
        }
        let rejected = replaced.map { face in
            "<pattern><patelt name=\"file\"><string>\(escaped(face.file))</string></patelt><patelt name=\"index\"><int>\(face.index)</int></patelt></pattern>"
        }.joined()
        return """
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
        <fontconfig>
          <include ignore_missing="yes">\(escaped(system))</include>
          <selectfont><rejectfont>\(rejected)</rejectfont></selectfont>
        </fontconfig>
        """
    }
}
