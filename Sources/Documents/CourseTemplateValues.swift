import Foundation
import Render
import Validation

/// The values a training course's documents bind (听课证, 培训班签到表), made from the course's facts: every
/// course field name (`course.*`, `class.*`, `card.number`) is written here and nowhere else.
public enum CourseTemplateValues {
    /// The course's values (`course.name`, `course.code`, `course.place`, `course.dates`), after the job's own
    /// `extra` values.
    public static func course(name: String, code: String, place: String, dates: String, extra: [String: String]) -> [String: String] {
        var values = extra
        values["course.name"] = name
        values["course.code"] = code
        values["course.place"] = place
        values["course.dates"] = dates
        return values
    }

    /// A class's values: its name, place, teacher, 1-based number, how many learners it has, the dates it
    /// meets and its 学时 over the whole course.
    public static func courseClass(name: String, place: String, teacher: String, number: Int, count: Int, dates: String,
                                   totalHours: String) -> [String: String] {
        ["class.name": name, "class.place": place, "class.teacher": teacher, "class.number": String(number),
         "class.count": String(count), "class.dates": dates, "class.total-hours": totalHours]
    }

    /// One 课次 of a class (a sign-in sheet's table): its date, time, topic, 学时, teacher (the session's, else
    /// the class's), and the class's 学时 of that day.
    public static func session(date: String, time: String, topic: String, hours: String, teacher: String, dayHours: String) -> [String: String] {
        ["class.date": date, "class.time": time, "class.topic": topic, "class.hours": hours, "class.teacher": teacher, "class.day-hours": dayHours]
    }

    /// A learner's values: the candidate's own, the position in the document's list, and the card number as
    /// `card.number` and as `ticketNumber` (so a card template made for exams prints it too).
    public static func learner(_ candidate: Candidate, index: Int, cardNumber: String) -> [String: String] {
        var values = CandidateRecords.values(candidate, index: index)
        values["card.number"] = cardNumber
        values["ticketNumber"] = cardNumber
        return values
    }

    /// `2026-07-06 至 07-07`: the first and last day a course (or class) meets; the year once when both are
    /// in one year, one date when they are the same day.
    public static func dates(first: String, last: String) -> String {
        guard first != last else { return first }
        return first.prefix(4) == last.prefix(4) ? "\(first) 至 \(last.dropFirst(5))" : "\(first) 至 \(last)"
    }

    /// Every field these values can hold: what mistyped names are compared with.
    static var probeFields: Set<String> {
        var keys = Set(course(name: "·", code: "·", place: "·", dates: "·", extra: [:]).keys)
        keys.formUnion(courseClass(name: "·", place: "·", teacher: "·", number: 1, count: 1, dates: "·", totalHours: "·").keys)
        keys.formUnion(session(date: "·", time: "·", topic: "·", hours: "·", teacher: "·", dayHours: "·").keys)
        keys.formUnion(learner(CandidateRecords.probe(fields: [:], columns: [:]), index: 0, cardNumber: "·").keys)
        return keys
    }
}
