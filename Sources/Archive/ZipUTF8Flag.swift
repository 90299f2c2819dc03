import Support
import Foundation

/// Sets or clears the UTF-8 flag (general purpose bit 11) of entries of a finished archive, in both the
/// local and the central headers, leaving names and data as they are. libzip flags every name that is
/// valid UTF-8, so this is how test data imitates tools that never set the flag: Windows Explorer
/// (GBK names) and older macOS and Linux archivers (UTF-8 names). Plain zip only (no zip64).
public enum ZipUTF8Flag {
    /// Sets the flag to `on` for every entry whose central-directory position satisfies `selected`.
    public static func set(_ on: Bool, inArchiveAt path: String, where selected: (Int) -> Bool = { _ in true }) throws {
        let url = URL(fileURLWithPath: path)
        var bytes = [UInt8](try Data(contentsOf: url))
        func fail(_ reason: String) -> ZipError { .cannotOpen(path: path, reason: reason) }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        func setBit(_ at: Int) {
            if on { bytes[at + 1] |= 0x08 } else { bytes[at + 1] &= ~0x08 }
        }
        guard bytes.count >= 22,
              let end = stride(from: bytes.count - 22, through: 0, by: -1).first(where: { u32($0) == 0x0605_4B50 })
        else { throw fail("no end of central directory") }
        let count = u16(end + 10)
        var at = u32(end + 16)
        for index in 0..<count {
            guard at + 46 <= bytes.count, u32(at) == 0x0201_4B50 else { throw fail("central header \(index) damaged") }
            let local = u32(at + 42)
            guard local + 30 <= bytes.count, u32(local) == 0x0403_4B50 else { throw fail("local header \(index) damaged") }
            if selected(index) {
                setBit(at + 8)
                setBit(local + 6)
            }
            at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32)
        }
        try Data(bytes).write(to: url)
    }
}
