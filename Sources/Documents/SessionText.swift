import Seating

/// How sessions read on documents.
public enum SessionText {
    /// `2026-05-16 08:30–10:00`
    public static func span(_ s: ExamSession) -> String { "\(date(s)) \(time(s))" }
    /// `2026-05-16`
    public static func date(_ s: ExamSession) -> String { String(s.start.prefix(10)) }
    /// `08:30–10:00` (with the end's date when it ends on another day)
    public static func time(_ s: ExamSession) -> String {
        let start = String(s.start.suffix(5))
        let end = s.end.prefix(10) == s.start.prefix(10) ? String(s.end.suffix(5)) : s.end
        return "\(start)–\(end)"
    }
    /// `05月16日 08:30–10:00  理论知识` (an admission ticket's line)
    public static func line(_ s: ExamSession) -> String {
        let d = date(s)
        let month = d.dropFirst(5).prefix(2), day = d.suffix(2)
        return "\(month)月\(day)日 \(time(s))  \(s.subject)"
    }
}
