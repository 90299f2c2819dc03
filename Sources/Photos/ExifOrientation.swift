/// The EXIF orientation of a photo (TIFF tag 0x0112, values 1–8): how a camera or phone says the stored
/// pixels must be turned or mirrored to be shown upright. Validation checks the picture as shown and the
/// renderer prints it as shown, both from this one reading.
///
/// Names say where the stored picture's top row ends up when shown, as in the TIFF specification:
/// `right` (6) is a phone photo held upright but stored on its side, shown turned 90° clockwise.
public enum ExifOrientation: Int, Sendable, CaseIterable {
    /// 1: shown as stored.
    case up = 1
    /// 2: mirrored left to right.
    case upMirrored = 2
    /// 3: turned 180°.
    case down = 3
    /// 4: mirrored top to bottom.
    case downMirrored = 4
    /// 5: mirrored along the top-left to bottom-right diagonal (transposed).
    case leftMirrored = 5
    /// 6: turned 90° clockwise.
    case right = 6
    /// 7: mirrored along the other diagonal (transverse).
    case rightMirrored = 7
    /// 8: turned 90° anticlockwise.
    case left = 8

    /// Whether width and height swap when shown (5–8).
    public var swapsSides: Bool { rawValue >= 5 }

    /// Size as shown, from the size as stored.
    public func displayed(width: Int, height: Int) -> (width: Int, height: Int) {
        swapsSides ? (height, width) : (width, height)
    }

    /// The stored pixel shown at (`x`, `y`) of the displayed picture, for a picture stored
    /// `width` × `height` (so `x` < the displayed width, `y` < the displayed height).
    public func storedPixel(x: Int, y: Int, width w: Int, height h: Int) -> (x: Int, y: Int) {
        switch self {
        case .up: return (x, y)
        case .upMirrored: return (w - 1 - x, y)
        case .down: return (w - 1 - x, h - 1 - y)
        case .downMirrored: return (x, h - 1 - y)
        case .leftMirrored: return (y, x)
        case .right: return (y, h - 1 - x)
        case .rightMirrored: return (w - 1 - y, h - 1 - x)
        case .left: return (w - 1 - y, x)
        }
    }

    /// The affine map from stored picture coordinates to displayed ones, for a picture stored `width` ×
    /// `height` units: displayed x = xx·x + xy·y + x0, displayed y = yx·x + yy·y + y0 (Cairo's matrix order).
    public func displayTransform(width w: Double, height h: Double)
        -> (xx: Double, yx: Double, xy: Double, yy: Double, x0: Double, y0: Double) {
        switch self {
        case .up: return (1, 0, 0, 1, 0, 0)
        case .upMirrored: return (-1, 0, 0, 1, w, 0)
        case .down: return (-1, 0, 0, -1, w, h)
        case .downMirrored: return (1, 0, 0, -1, 0, h)
        case .leftMirrored: return (0, 1, 1, 0, 0, 0)
        case .right: return (0, 1, -1, 0, h, 0)
        case .rightMirrored: return (0, -1, -1, 0, h, w)
        case .left: return (0, -1, 1, 0, 0, w)
        }
    }

    /// "EXIF 方向 6，显示时顺时针转 90°" or "EXIF orientation 6, shown turned 90° clockwise".
    public func describe(_ english: Bool) -> String {
        let how: (String, String)
        switch self {
        case .up: how = ("按存储显示", "shown as stored")
        case .upMirrored: how = ("显示时左右镜像", "shown mirrored left to right")
        case .down: how = ("显示时转 180°", "shown turned 180°")
        case .downMirrored: how = ("显示时上下镜像", "shown mirrored top to bottom")
        case .leftMirrored: how = ("显示时镜像并逆时针转 90°", "shown mirrored and turned 90° anticlockwise")
        case .right: how = ("显示时顺时针转 90°", "shown turned 90° clockwise")
        case .rightMirrored: how = ("显示时镜像并顺时针转 90°", "shown mirrored and turned 90° clockwise")
        case .left: how = ("显示时逆时针转 90°", "shown turned 90° anticlockwise")
        }
        return english ? "EXIF orientation \(rawValue), \(how.1)" : "EXIF 方向 \(rawValue)，\(how.0)"
    }

    /// Reads the orientation from an EXIF block: a JPEG APP1 payload ("Exif\0\0" then TIFF) or a PNG eXIf
    /// chunk (TIFF only). `.up` when there is no orientation tag or it is out of range; nil when the block
    /// is not EXIF at all (an XMP APP1, say), so the caller can look at the next one. Every offset the
    /// block states is checked against its end.
    public static func read(exif block: UnsafeRawBufferPointer) -> ExifOrientation? {
        var start = 0
        if block.count >= 6, block[0..<6].elementsEqual("Exif\0\0".utf8) { start = 6 }
        let t = UnsafeRawBufferPointer(rebasing: block[start...])
        guard t.count >= 8 else { return nil }
        let little: Bool
        switch (t[0], t[1]) {
        case (0x49, 0x49): little = true       // "II"
        case (0x4D, 0x4D): little = false      // "MM"
        default: return nil
        }
        func u16(_ o: Int) -> Int? {
            guard o >= 0, o + 2 <= t.count else { return nil }
            return little ? Int(t[o]) | Int(t[o + 1]) << 8 : Int(t[o]) << 8 | Int(t[o + 1])
        }
        func u32(_ o: Int) -> Int? {
            guard let a = u16(o), let b = u16(o + 2) else { return nil }
            return little ? a | b << 16 : a << 16 | b
        }
        guard u16(2) == 42 else { return nil }
        guard let ifd = u32(4), ifd >= 8, let count = u16(ifd) else { return .up }
        for n in 0..<count {
            let entry = ifd + 2 + n * 12
            guard let tag = u16(entry), let type = u16(entry + 2) else { return .up }
            guard tag == 0x0112 else { continue }
            // SHORT as the standard says; a LONG written by a careless tool is read too.
            let value = type == 4 ? u32(entry + 8) : u16(entry + 8)
            return value.flatMap(ExifOrientation.init(rawValue:)) ?? .up
        }
        return .up
    }
}
