import Documents
import Foundation

/// The values a course's documents print, built from the job and the plan: the course's (`course.*`, and
/// anything under `values:`), each class's (`class.name`, `class.place`, …), each session's (`class.date`,
/// `class.topic`, `class.hours`, …) and each learner's (roster fields, `card.number`, `ticketNumber`).
struct CourseValues {
    let job: CourseJob
    let plan: CoursePlan

    /// Values every document of the course shares.
    var course: [String: String] {
        CourseTemplateValues.course(name: job.course.title, code: job.course.code, place: job.course.place,
                                    dates: CourseTemplateValues.dates(first: job.firstDay, last: job.lastDay), extra: job.values)
    }

    /// Values of class `c` (with the course's): what its cards print.
    func classContext(_ c: Int) -> [String: String] {
        let courseClass = job.classes[c]
        let days = job.days(of: c)
        return course.merging(CourseTemplateValues.courseClass(
            name: courseClass.name, place: courseClass.place, teacher: courseClass.teacher, number: courseClass.number,
            count: plan.byClass[c].count, dates: CourseTemplateValues.dates(first: days.first ?? "", last: days.last ?? ""),
            totalHours: job.totalHours(of: c).description)) { _, new in new }
    }

    /// Values of session `s` for class `c` (a sign-in sheet's table): the class's, and the session's date,
    /// time, topic, 学时, teacher (its own, else the class's) and the class's 学时 that day.
    func sessionContext(_ c: Int, _ s: Int) -> [String: String] {
        let session = job.sessions[s]
        let dayHours = job.sessions(of: c).filter { job.sessions[$0].date == session.date }.reduce(StudyHours.zero) { $0 + job.sessions[$1].hours }
        let teacher = session.teacher.isEmpty ? job.classes[c].teacher : session.teacher
        return classContext(c).merging(CourseTemplateValues.session(
            date: session.date, time: session.time, topic: session.topic, hours: session.hours.description, teacher: teacher,
            dayHours: dayHours.description)) { _, new in new }
    }

    /// An enrolled learner's own values, as the `index`-th of its list.
    func learner(_ e: EnrolledLearner, index: Int) -> [String: String] {
        CourseTemplateValues.learner(plan.candidates[e.candidate], index: index, cardNumber: e.cardNumber)
    }
}
