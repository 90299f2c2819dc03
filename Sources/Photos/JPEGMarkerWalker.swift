/// Walks the marker segments of a JPEG from just after SOI up to the first scan, checking every
/// length against the end of the buffer. Tolerates fill bytes (runs of FF), standalone markers (TEM,
/// RSTn) and stray bytes between segments, as libjpeg does.
struct JPEGMarkerWalker {
    enum Step: Equatable {
        /// A marker segment; `payload` is the byte range after its length field.
        case segment(marker: UInt8, payload: Range<Int>)
        case startOfScan
        /// The buffer ended between segments.
        case end
        /// The buffer ends inside a marker or a segment (truncated, or a lying length).
        case overrun(String)
        case failure(String)
    }

    private let bytes: UnsafeRawBufferPointer
    private var p = 2

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Whether an end-of-image marker (`FF D9`) follows the first scan. Entropy-coded data never
    /// contains `FF D9`, so a file cut off inside its image data has none there (trailers some phones
    /// append after EOI do not matter).
    static func reachesEndOfImage(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var walker = JPEGMarkerWalker(bytes)
        while true {
            switch walker.next() {
            case .segment: continue
            case .end, .overrun, .failure: return false
            case .startOfScan:
                var i = walker.p
                while i + 1 < bytes.count {
                    if bytes[i] == 0xFF && bytes[i + 1] == 0xD9 { return true }
                    i += 1
                }
                return false
            }
        }
    }

    /// Whether the buffer runs out before the first scan (SOS) — what a file cut off in its headers
    /// looks like (libjpeg then reports a "Bogus marker length" rather than a premature end).
    static func endsBeforeFirstScan(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var walker = JPEGMarkerWalker(bytes)
        while true {
            switch walker.next() {
            case .segment: continue
            case .end, .overrun: return true
            case .startOfScan, .failure: return false
            }
        }
    }

    mutating func next() -> Step {
        let n = bytes.count
        while true {
            guard p < n else { return .end }
            guard bytes[p] == 0xFF else { p += 1; continue }   // stray byte between segments
            while p < n && bytes[p] == 0xFF { p += 1 }          // fill bytes
            guard p < n else { return .end }
            let marker = bytes[p]
            p += 1
            switch marker {
            case 0x00, 0x01, 0xD0...0xD7:
                continue   // stuffed zero (stray data); TEM and RSTn have no length
            case 0xD8:
                return .failure("JPEG has a second start-of-image marker before its image data")
            case 0xD9:
                return .failure("JPEG ends (EOI marker) before its image data")
            case 0xDA:
                return .startOfScan
            default:
                guard p + 2 <= n else { return .overrun("JPEG ends inside a marker (truncated)") }
                let length = Int(bytes[p]) << 8 | Int(bytes[p + 1])
                guard length >= 2 else { return .failure("JPEG marker 0x\(hex(marker)) has impossible length \(length)") }
                guard length <= n - p else {
                    return .overrun("JPEG marker 0x\(hex(marker)) declares \(length) bytes but only \(n - p) remain")
                }
                defer { p += length }
                return .segment(marker: marker, payload: (p + 2)..<(p + length))
            }
        }
    }
}

private func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}
