import Support

/// What the pull parser found next.
public enum XMLToken: Sendable {
    /// A start tag; its local name (namespace prefix removed) and attributes.
    case start(name: String, attributes: [XMLAttribute])
    /// An end tag (also produced right after a self-closing start tag).
    case end(name: String)
    /// Character data or CDATA between tags, entities decoded.
    case text(String)
    /// The end of the document.
    case endOfDocument
}
