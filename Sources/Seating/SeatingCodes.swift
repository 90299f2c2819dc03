import Support

/// The problem codes of seating (`seat.*`), reported by `kaowu pack`.
public enum SeatingCodes {
    public static let all: [ProblemCode] = [
        ProblemCode("seat.no-session", zh: "报考科目不在本次考试中，未排考", en: "subject not in this exam, not seated"),
        ProblemCode("seat.overlap", zh: "同一考生两个场次时间重叠，后一场未排考", en: "two of a candidate's sessions overlap; the later not seated"),
        ProblemCode("seat.moved", zh: "上次的座位已不可用，已改排", en: "previous seat unavailable, moved"),
        ProblemCode("seat.same-school", zh: "同校考生座位相邻（无法避免）", en: "same-school neighbours (unavoidable)"),
    ]
}
