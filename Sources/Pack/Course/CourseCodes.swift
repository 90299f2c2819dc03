import Support

/// The problem codes of placing learners in a course's classes (`class.*`), reported by `kaowu pack` on a
/// course job: `class.unknown` for a row (in the report), `class.full` and `class.shortfall` when the
/// classes cannot seat everyone (nothing is written).
public enum CourseCodes {
    public static let unknown = "class.unknown"
    public static let full = "class.full"
    public static let shortfall = "class.shortfall"

    public static let all: [ProblemCode] = [
        ProblemCode(unknown, zh: "名单的班级不是本培训班的班级，未编班", en: "the roster's class is not one of the course's, not placed"),
        ProblemCode(full, zh: "名单中某班的学员多于该班座位", en: "a class named in the roster has more learners than seats"),
        ProblemCode(shortfall, zh: "未指定班级的学员多于各班的空座", en: "more learners without a class than free seats"),
    ]
}
