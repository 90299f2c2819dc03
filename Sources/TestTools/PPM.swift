import Foundation

/// Raw RGB pixels of a P6 PPM, as pdftoppm writes it, for tests that look at rendered pages.
public struct PPM {
    public let width: Int, height: Int, pixels: [UInt8]

    public init(path: String) throws {
        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var fields: [String] = [], i = 0, current = ""
        while fields.count < 4 {
            let c = Character(UnicodeScalar(data[i])); i += 1
            if c.isWhitespace { if !current.isEmpty { fields.append(current); current = "" } } else { current.append(c) }
        }
        width = Int(fields[1])!; height = Int(fields[2])!
        pixels = Array(data[i...])
    }

    /// Red, green and blue (0–255) of the pixel at (`x`, `y`).
    public func rgb(_ x: Int, _ y: Int) -> (Int, Int, Int) {
        let o = (y * width + x) * 3
        return (Int(pixels[o]), Int(pixels[o + 1]), Int(pixels[o + 2]))
    }
}
