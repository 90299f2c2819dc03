import Foundation

/// Comparison whose time does not depend on where two texts differ (a lookup compares hashes and names).
enum ConstantTime {
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(truncatingIfNeeded: x.count ^ y.count) | (x.count == y.count ? 0 : 1)
        for k in 0..<max(x.count, y.count) {
            difference |= (k < x.count ? x[k] : 0) ^ (k < y.count ? y[k] : 0)
        }
        return difference == 0
    }
}
