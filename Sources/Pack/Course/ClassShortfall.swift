import Support

/// The classes cannot seat the roster (`class.full`, `class.shortfall`): the classes the roster's 班级 column
/// fills beyond their seats, each named with how many are over, and the learners without a class left
/// over once every free seat is taken. Nothing is written.
public struct ClassShortfall: Error, Sendable, Equatable {
    /// A class with more learners named for it than seats.
    public struct Over: Sendable, Equatable {
        public var name: String
        public var learners: Int
        public var seats: Int
        public var over: Int { learners - seats }
    }

    public let over: [Over]
    /// Learners with no class named who found no free seat, of how many, and the free seats there were.
    public let unplaced: Int
    public let waiting: Int
    public let free: Int
}

extension ClassShortfall: Diagnostic {
    public var code: String { over.isEmpty ? CourseCodes.shortfall : CourseCodes.full }

    public var facts: DiagnosticFacts { DiagnosticFacts(value: over.first?.name) }

    /// One line per full class, and one for the learners without a class who have no seat.
    public func message(_ l: Language) -> String {
        var lines = over.map { o in
            l.pick("班级“\(o.name)”超员 \(o.over) 人：名单中该班 \(o.learners) 人，座位 \(o.seats) 个",
                   "class \"\(o.name)\" is \(o.over) over: the roster puts \(o.learners) learners in it, it seats \(o.seats)")
        }
        if unplaced > 0 {
            lines.append(l.pick("座位不足：还差 \(unplaced) 个座位（未指定班级的学员 \(waiting) 人，各班空座 \(free) 个）",
                                "not enough seats: \(unplaced) missing (\(waiting) learners without a class, \(free) free seats in the classes)"))
        }
        return lines.joined(separator: "\n")
    }
}
