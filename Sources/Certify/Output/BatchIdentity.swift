import Foundation

/// A batch's id in the registry: the time of issuing, the start of the list's hash and a random part, so
/// that two runs of the same list (a reprint) are two batches: `B20261204T0930-1f3a9c2e4b5d-7c21`.
enum BatchIdentity {
    static func make(hash: String, at: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = Stamp.china
        formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        var random = SystemRandomNumberGenerator()
        let tail = String(format: "%04x", UInt16.random(in: .min ... .max, using: &random))
        return "B" + formatter.string(from: at) + "-" + hash.prefix(12) + "-" + tail
    }
}
