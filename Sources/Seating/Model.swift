/// An exam room: where it is, what kind of exam it holds (机考/笔试/实操), how many seats in how many columns.
public struct Room: Sendable, Equatable {
    public var site: String
    public var siteCode: String
    public var name: String
    public var type: String
    public var seats: Int
    public var columns: Int
    public var address: String
    /// 1-based position of the room within its site (the `{room}` of ticket numbers).
    public var number: Int

    public init(site: String, siteCode: String, name: String, type: String, seats: Int, columns: Int, address: String = "", number: Int) {
        self.site = site
        self.siteCode = siteCode
        self.name = name
        self.type = type
        self.seats = seats
        self.columns = max(1, columns)
        self.address = address
        self.number = number
    }

    /// Seats per column (rows of desks).
    public var rows: Int { (seats + columns - 1) / columns }
}

/// A sitting of one subject: candidates whose 报考科目 is `subject` sit it in rooms of type `mode`.
public struct ExamSession: Sendable, Equatable {
    public var subject: String
    public var code: String
    public var mode: String
    public var start: String
    public var end: String

    public init(subject: String, code: String = "", mode: String, start: String = "", end: String = "") {
        self.subject = subject
        self.code = code
        self.mode = mode
        self.start = start
        self.end = end
    }
}

/// Someone to seat, as plain values (tests, tools): their document number (the key), school, subject, and roster row.
public struct SeatingCandidate: Seatable, Sendable, Equatable {
    public var key: String
    public var row: Int
    public var name: String
    public var school: String
    public var subject: String

    public init(key: String, row: Int, name: String, school: String, subject: String) {
        self.key = key
        self.row = row
        self.name = name
        self.school = school
        self.subject = subject
    }
}

/// In which order candidates are taken: as in the roster, sorted by school then ID, or shuffled with a seed
/// (the same seed gives the same seats).
public enum SeatOrder: Sendable, Equatable {
    case roster, sorted, shuffle(seed: UInt64)
}

/// How seats are numbered in a room: along the rows (left to right, front to back), or 蛇形: down the first
/// column, up the second, and so on.
public enum SeatNumbering: String, Sendable { case rows, snake }

/// How to seat: order, numbering, and whether candidates of one school must not sit side by side.
public struct SeatingPolicy: Sendable {
    public var order: SeatOrder = .roster
    public var numbering: SeatNumbering = .snake
    public var separateSchools = true
    public init() {}
}

/// Where one candidate sits.
public struct SeatAssignment: Sendable, Equatable {
    /// Index into the candidates given to the planner.
    public var candidate: Int
    /// Index into the rooms given to the planner.
    public var room: Int
    /// 1-based seat number.
    public var seat: Int
    public var session: Int?
}

/// Two candidates of one school who had to sit next to each other (no arrangement avoided it).
public struct SeatingConflict: Sendable, Equatable {
    public var room: Int
    public var seat: Int
    public var neighbourSeat: Int
    public var school: String
}
