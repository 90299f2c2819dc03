import Identity
import Roster
import Support

/// Mainland mobile numbers (11 digits starting with 1), optionally with +86/86; landlines with an area code.
enum PhoneRule {
    static func isPlausible(_ raw: String) -> Bool {
        var digits = raw
        if digits.hasPrefix("+86") { digits.removeFirst(3) } else if digits.hasPrefix("86") && digits.count == 13 { digits.removeFirst(2) }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        if digits.count == 11 && digits.first == "1" { return true }
        return digits.count >= 10 && digits.count <= 12 && digits.first == "0"   // 010xxxxxxxx, 0755xxxxxxxx
    }
}
