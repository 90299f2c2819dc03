/// How seats are numbered in a room: along the rows (left to right, front to back), or 蛇形: down the first
/// column, up the second, and so on.
public enum SeatNumbering: String, Sendable { case rows, snake }
