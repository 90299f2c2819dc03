/// A candidate's registrations in roster order, held without an allocation of their own for the usual single
/// one (a 100,000-candidate pack keeps every candidate): the first inline, the others in an array.
public struct Registrations: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
    private var head: Registration?
    private var tail: [Registration] = []

    public init(_ registrations: [Registration]) {
        head = registrations.first
        tail = Array(registrations.dropFirst())
    }

    public init(arrayLiteral elements: Registration...) { self.init(elements) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { head == nil ? 0 : 1 + tail.count }
    public subscript(position: Int) -> Registration { position == 0 ? head! : tail[position - 1] }

    /// Adds registrations at the end.
    public mutating func append<S: Sequence>(contentsOf more: S) where S.Element == Registration {
        for registration in more {
            if head == nil { head = registration } else { tail.append(registration) }
        }
    }

    /// Leaves out the registrations `shouldRemove` picks, keeping the others' order.
    public mutating func removeAll(where shouldRemove: (Registration) -> Bool) {
        self = Registrations(filter { !shouldRemove($0) })
    }

    public static func += (lhs: inout Registrations, rhs: Registrations) { lhs.append(contentsOf: rhs) }
}
