import Archive
import CTurboJPEG
import Foundation
import Testing
import Support
@testable import Photos

/// The Pillow-written files of fixtures/exif (see its README): one upright 295 × 413 picture stored in
/// each EXIF orientation, and two upright-stored ones tagged as turned.
enum ExifFixtures {
    static let upright = (1...8).map { "upright-o\($0).jpg" } + ["upright-o6.png"]
    static let sideways = ["sideways-o6.jpg", "sideways-o8.jpg"]
    static func path(_ name: String) -> String { ExternalZip.root.appendingPathComponent("fixtures/exif/" + name).path }
    static func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(name)))) }
}

/// A JPEG's EXIF block as phones write it: "Exif\0\0", a TIFF header and IFD0 with the given entries
/// (tag, type, value), in either byte order.
func exifBlock(littleEndian: Bool, entries: [(tag: Int, type: Int, value: Int)]) -> [UInt8] {
    func u16(_ v: Int) -> [UInt8] { littleEndian ? [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] : [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    func u32(_ v: Int) -> [UInt8] { littleEndian ? u16(v & 0xFFFF) + u16(v >> 16) : u16(v >> 16) + u16(v & 0xFFFF) }
    var tiff: [UInt8] = littleEndian ? [0x49, 0x49] : [0x4D, 0x4D]
    tiff += u16(42) + u32(8) + u16(entries.count)
    for e in entries {
        // A SHORT value sits left-justified in the 4-byte field; a LONG fills it.
        tiff += u16(e.tag) + u16(e.type) + u32(1) + (e.type == 4 ? u32(e.value) : u16(e.value) + [0, 0])
    }
    return Array("Exif\0\0".utf8) + tiff + u32(0)
}

/// `jpeg` with APP1 segments holding `blocks` inserted right after its SOI marker.
func withAPP1(_ jpeg: [UInt8], _ blocks: [[UInt8]]) -> [UInt8] {
    var out = Array(jpeg[0..<2])
    for block in blocks { out += [0xFF, 0xE1, UInt8((block.count + 2) >> 8), UInt8((block.count + 2) & 0xFF)] + block }
    return out + jpeg[2...]
}

/// Decodes a JPEG at full size to packed RGB (the test's own TurboJPEG call, not the project's decoder).
func fullRGB(_ jpeg: [UInt8]) throws -> (width: Int, height: Int, rgb: [UInt8]) {
    let handle = try #require(tjInitDecompress())
    defer { tjDestroy(handle) }
    var w: Int32 = 0, h: Int32 = 0, sub: Int32 = 0, space: Int32 = 0
    #expect(tjDecompressHeader3(handle, jpeg, UInt(jpeg.count), &w, &h, &sub, &space) == 0)
    var rgb = [UInt8](repeating: 0, count: Int(w) * Int(h) * 3)
    #expect(tjDecompress2(handle, jpeg, UInt(jpeg.count), &rgb, w, 0, h, Int32(TJPF_RGB.rawValue), 0) == 0)
    return (Int(w), Int(h), rgb)
}

@Suite struct ExifOrientationTests {
    private func header(_ bytes: [UInt8]) -> ImageHeader? {
        if case .header(let h) = bytes.withUnsafeBytes({ ImageHeader.read($0) }) { return h }
        return nil
    }

    @Test func tagIsReadInEitherByteOrderAndType() throws {
        let jpeg = SamplePhoto(background: (250, 250, 250)).jpeg()
        #expect(header(jpeg)?.orientation == .up)
        for little in [true, false] {
            for o in ExifOrientation.allCases {
                let other = (tag: 0x010F, type: 2, value: 0)               // Make, before Orientation as cameras write it
                let short = withAPP1(jpeg, [exifBlock(littleEndian: little, entries: [other, (0x0112, 3, o.rawValue)])])
                #expect(header(short)?.orientation == o, "little \(little), \(o)")
                let long = withAPP1(jpeg, [exifBlock(littleEndian: little, entries: [(0x0112, 4, o.rawValue)])])
                #expect(header(long)?.orientation == o, "LONG, little \(little), \(o)")
            }
        }
    }

    @Test func oddBlocksMeanUpright() throws {
        let jpeg = SamplePhoto(background: (250, 250, 250)).jpeg()
        let good = exifBlock(littleEndian: false, entries: [(0x0112, 3, 6)])
        let xmp = Array("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>".utf8)
        // XMP first does not hide the Exif block after it; the first Exif block counts.
        #expect(header(withAPP1(jpeg, [xmp, good]))?.orientation == .right)
        #expect(header(withAPP1(jpeg, [good, exifBlock(littleEndian: false, entries: [(0x0112, 3, 8)])]))?.orientation == .right)
        // Out-of-range values, a missing tag, an IFD offset past the end, a cut-off entry: upright.
        #expect(header(withAPP1(jpeg, [exifBlock(littleEndian: true, entries: [(0x0112, 3, 0)])]))?.orientation == .up)
        #expect(header(withAPP1(jpeg, [exifBlock(littleEndian: true, entries: [(0x0112, 3, 9)])]))?.orientation == .up)
        #expect(header(withAPP1(jpeg, [exifBlock(littleEndian: true, entries: [(0x010F, 2, 0)])]))?.orientation == .up)
        var farIFD = good
        farIFD[13] = 0x7F                                                   // IFD offset 0x7F000008
        #expect(header(withAPP1(jpeg, [farIFD]))?.orientation == .up)
        let cut = Array(good[0..<(6 + 8 + 2 + 6)])                          // entry stops inside its type
        #expect(header(withAPP1(jpeg, [cut]))?.orientation == .up)
        #expect(cut.withUnsafeBytes { ExifOrientation.read(exif: $0) } == .up)
        #expect(xmp.withUnsafeBytes { ExifOrientation.read(exif: $0) } == nil)
        // Every cut of a real block reads without touching memory past its end.
        for n in 0...good.count { _ = good[0..<n].withUnsafeBytes { ExifOrientation.read(exif: $0) } }
    }

    /// The pixel mapping the background check uses agrees with the drawing transform the renderer uses:
    /// each stored pixel's centre lands on the centre of the displayed pixel mapped back to it.
    @Test(arguments: ExifOrientation.allCases)
    func pixelMappingMatchesTheDrawingTransform(orientation: ExifOrientation) {
        let (w, h) = (5, 3)
        let t = orientation.displayTransform(width: Double(w), height: Double(h))
        let shown = orientation.displayed(width: w, height: h)
        var seen = Set<Int>()
        for y in 0..<shown.height {
            for x in 0..<shown.width {
                let s = orientation.storedPixel(x: x, y: y, width: w, height: h)
                #expect((0..<w).contains(s.x) && (0..<h).contains(s.y))
                seen.insert(s.y * w + s.x)
                let cx = Double(s.x) + 0.5, cy = Double(s.y) + 0.5
                #expect(t.xx * cx + t.xy * cy + t.x0 == Double(x) + 0.5 && t.yx * cx + t.yy * cy + t.y0 == Double(y) + 0.5,
                        "\(orientation) (\(x), \(y))")
            }
        }
        #expect(seen.count == w * h)
    }

    /// Against Pillow's files: mapping the displayed picture's landmarks back to stored pixels finds the bar
    /// top-left, plain backdrop where a flipped or turned bar would be, and shoulders at the bottom.
    @Test(arguments: (1...8).map { "upright-o\($0).jpg" })
    func landmarksOfPillowFixtures(name: String) throws {
        let bytes = try ExifFixtures.bytes(name)
        let h = try #require(header(bytes))
        #expect(h.orientation.rawValue == Int(name.dropFirst("upright-o".count).prefix(1)))
        #expect(h.displayedWidth == 295 && h.displayedHeight == 413)
        #expect(h.orientation.swapsSides ? (h.width, h.height) == (413, 295) : (h.width, h.height) == (295, 413))
        let image = try fullRGB(bytes)
        func shown(_ x: Int, _ y: Int) -> (Int, Int, Int) {
            let s = h.orientation.storedPixel(x: x, y: y, width: image.width, height: image.height)
            let o = (s.y * image.width + s.x) * 3
            return (Int(image.rgb[o]), Int(image.rgb[o + 1]), Int(image.rgb[o + 2]))
        }
        func dark(_ p: (Int, Int, Int)) -> Bool { p.0 + p.1 + p.2 < 120 }
        func backdrop(_ p: (Int, Int, Int)) -> Bool { abs(p.0 - 67) < 20 && abs(p.1 - 142) < 20 && abs(p.2 - 219) < 20 }
        #expect(dark(shown(40, 40)) && dark(shown(140, 60)), "\(name): bar top-left")
        // Where the bar would be transposed or mirrored left to right, and the border corners: backdrop.
        for (x, y) in [(60, 140), (255, 40), (5, 5), (289, 5), (5, 240), (289, 240)] {
            #expect(backdrop(shown(x, y)), "\(name): (\(x), \(y)) is \(shown(x, y))")
        }
        // Where it would be mirrored top to bottom or turned 180°: shoulders, not the bar.
        #expect(!dark(shown(40, 363)) && !dark(shown(255, 363)), "\(name): bar at the bottom")
        let shoulder = shown(147, 400)
        #expect(abs(shoulder.0 - 40) < 20 && abs(shoulder.2 - 60) < 20, "\(name): shoulders \(shoulder)")
    }

    /// The background is read on the border of the picture as shown: plain blue in every orientation,
    /// while the stored picture's own border of a turned file crosses the shoulders.
    @Test(arguments: ExifFixtures.upright)
    func backgroundIsMeasuredAsShown(name: String) throws {
        let bytes = try ExifFixtures.bytes(name)
        let (h, result) = inspect(bytes)
        guard case .decoded(let photo)? = result else { Issue.record("\(name): \(h) \(String(describing: result))"); return }
        #expect(photo.background.colour == .blue && photo.background.uniform, "\(name): \(photo.background)")
        #expect(abs(photo.background.red - 67) <= 4 && abs(photo.background.green - 142) <= 4 && abs(photo.background.blue - 219) <= 4)
        if photo.header.orientation.swapsSides, photo.header.format == .jpeg {
            let image = try fullRGB(bytes)
            let unturned = BackgroundReading.measure(rgb: image.rgb, width: image.width, height: image.height)
            #expect(!unturned.uniform, "\(name): the stored border should cross the shoulders: \(unturned)")
        }
    }

    /// The inspector checks size as shown: upright when shown passes (413 × 295 stored and turned too);
    /// 295 × 413 stored but tagged as turned is 413 × 295 when shown, and says so.
    @Test func inspectorChecksTheSizeAsShown() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaowu-exif-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let zip = try ZipWriter(path: dir + "/photos.zip")
        for name in ExifFixtures.upright + ExifFixtures.sideways { try zip.add(name, ZipPayload(try ExifFixtures.bytes(name))) }
        try zip.close()
        let catalog = try PhotoArchive.catalog(path: dir + "/photos.zip", limits: ArchiveLimits())
        #expect(catalog.entries.count == ExifFixtures.upright.count + ExifFixtures.sideways.count)
        let archive = try SharedArchive(path: dir + "/photos.zip")
        for language in [Language.zh, .en] {
            var rules = PhotoRules()
            rules.requiredBackground = .blue
            let inspector = PhotoInspector(archive: archive, rules: rules)
            for entry in catalog.entries {
                let found = inspector.inspect(entry)
                #expect(found.background == .blue, "\(entry.path)")
                if ExifFixtures.upright.contains(entry.path) {
                    #expect(found.problems.isEmpty, "\(entry.path): \(found.problems.map { $0.message(language) })")
                } else {
                    #expect(found.problems.map(\.code) == ["photo.dimensions"], "\(entry.path)")
                    let problem = try #require(found.problems.first)
                    #expect(problem.value == "413×295")
                    let turn = entry.path.contains("o6") ? "6" : "8"
                    let expected = language == .en
                        ? ["the photo is 413×295 pixels as shown", "stored 295×413", "EXIF orientation \(turn)", "required 295×413"]
                        : ["照片尺寸 413×295 像素", "存储为 295×413", "EXIF 方向 \(turn)", "要求 295×413"]
                    for part in expected { #expect(problem.message(language).contains(part), "\(problem.message(language))") }
                    if turn == "6" {
                        #expect(problem.message(language).hasSuffix(language == .en
                            ? "(stored 295×413, EXIF orientation 6, shown turned 90° clockwise); required 295×413"
                            : "（显示尺寸；文件存储为 295×413，EXIF 方向 6，显示时顺时针转 90°），要求 295×413"), "\(problem.message(language))")
                    }
                }
            }
        }
    }
}
