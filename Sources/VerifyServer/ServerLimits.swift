import Foundation

/// The service's fixed limits: request body, code length, and how long a connection may stay idle.
public enum ServerLimits {
    /// The largest request body: 16 KB.
    public static let maxBody = 16 * 1024
    /// The longest code accepted in a path (a version-13 QR holds far less).
    public static let maxCode = 4096
    /// Seconds a connection may stay idle (a slow or silent client is cut off).
    public static let idleSeconds: Int64 = 15
    /// The longest certificate number or name in a lookup.
    public static let maxLookupField = 128
}
