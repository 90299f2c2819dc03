import Support

/// Not enough seats: for each room type, how many candidates have no seat.
public struct SeatingShortfall: Error, Sendable, Equatable {
    /// Room type (机考, 笔试, 实操) → candidates without a seat.
    public let missing: [String: Int]
    /// For the same types: candidates in all (kept ones included) and seats in all.
    public let needed: [String: Int]
    public let seats: [String: Int]
}
