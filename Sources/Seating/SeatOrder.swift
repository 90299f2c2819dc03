/// In which order candidates are taken: as in the roster, sorted by school then ID, or shuffled with a seed
/// (the same seed gives the same seats).
public enum SeatOrder: Sendable, Equatable {
    case roster, sorted, shuffle(seed: UInt64)
}
