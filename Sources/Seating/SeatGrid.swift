/// Maps seat numbers to desk positions (row, column) in a room and back, for either numbering.
public struct SeatGrid: Sendable {
    public let room: Room
    public let numbering: SeatNumbering

    public init(room: Room, numbering: SeatNumbering) {
        self.room = room
        self.numbering = numbering
    }

    /// The desk of seat `seat` (1-based): row from the front, column from the left, both 0-based.
    public func position(of seat: Int) -> (row: Int, column: Int) {
        let n = seat - 1
        switch numbering {
        case .rows:
            return (n / room.columns, n % room.columns)
        case .snake:
            let column = n / room.rows, step = n % room.rows
            return (column % 2 == 0 ? step : room.rows - 1 - step, column)
        }
    }

    /// The seat number at a desk, nil when no seat is there (the last column may be short).
    public func seat(at row: Int, _ column: Int) -> Int? {
        guard row >= 0, row < room.rows, column >= 0, column < room.columns else { return nil }
        let n: Int
        switch numbering {
        case .rows: n = row * room.columns + column
        case .snake: n = column * room.rows + (column % 2 == 0 ? row : room.rows - 1 - row)
        }
        return n < room.seats ? n + 1 : nil
    }

    /// Seats in front, behind, left and right of `seat`.
    public func neighbours(of seat: Int) -> [Int] {
        let (r, c) = position(of: seat)
        return [(r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)].compactMap { self.seat(at: $0.0, $0.1) }
    }
}
