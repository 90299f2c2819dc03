/// One key and value of a CBOR map.
public struct CBORPair: Sendable, Equatable {
    public var key: CBOR
    public var value: CBOR

    public init(_ key: CBOR, _ value: CBOR) {
        self.key = key
        self.value = value
    }
}
