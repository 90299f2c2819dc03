

/// Decodes GB18030 (a superset of GBK and GB2312, what Excel and Windows Explorer write on Chinese
/// Windows) through the C library's iconv. Strict: invalid or truncated input returns nil.
public enum GB18030 {
    /// Decodes `bytes` as GB18030; nil when they are not valid GB18030.
    public static func decode<Bytes: Collection>(_ bytes: Bytes) -> String? where Bytes.Element == UInt8 {
        let input = Array(bytes)
        guard let transcoder = Transcoder(from: "GB18030") else { return nil }
        let out = input.withUnsafeBufferPointer { try? transcoder.convert($0, final: true) }
        return out.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Encodes `text` as GB18030 (used to write test data the way Chinese Windows would).
    public static func encode(_ text: String) -> [UInt8]? {
        guard let transcoder = Transcoder(from: "UTF-8", to: "GB18030") else { return nil }
        let input = Array(text.utf8)
        return input.withUnsafeBufferPointer { try? transcoder.convert($0, final: true) }
    }
}
