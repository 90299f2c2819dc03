import Support

/// One attribute of a start tag, with its value's entities decoded.
public struct XMLAttribute: Sendable {
    /// The name as written, prefix included (`r:id`).
    public let name: String
    public let value: String
    /// The name without its namespace prefix (`id`).
    public var localName: Substring {
        guard let colon = name.firstIndex(of: ":") else { return Substring(name) }
        return name[name.index(after: colon)...]
    }
}
