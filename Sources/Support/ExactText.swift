import Foundation

/// A text compared and hashed by its UTF-8 bytes, exactly as written. Swift's `String` counts canonically
/// equivalent texts as equal (a CJK compatibility ideograph and its unified twin, a precomposed é and e + ◌́)
/// and normalises every non-ASCII text to hash it; a key that must tell apart what was written, and be quick
/// with Chinese text, uses this instead.
public struct ExactText: Hashable, Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    public static func == (a: ExactText, b: ExactText) -> Bool {
        var x = a.text, y = b.text
        return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.isEmpty || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
    }

    public func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(text.utf8.count)
    }
}
