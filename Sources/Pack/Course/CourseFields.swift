import Documents
import Foundation
import Render
import Roster
import Support
import Validation

/// The check, before anything is written, that every field of a course's templates has a source: the
/// roster's columns, the photo archive, the course's values, what every class (cards) or every class's
/// every session (sign-in sheets) gives, and each learner's card number. Made by `CourseValues` itself from
/// a probe plan, so the check can never disagree with what is printed.
enum CourseFields {
    /// The fields each document of `job` is supplied with, for a roster with `header`.
    static func supplied(job: CourseJob, header: HeaderMap) -> [PaperKind: Set<String>] {
        let probe = Candidate(row: header.row + 1, name: "·", idKind: .residentID, idNumber: "·")
        let plan = CoursePlan(candidates: [probe], enrolled: [EnrolledLearner(candidate: 0, classIndex: 0, seq: 1, cardNumber: "·")],
                              byClass: job.classes.indices.map { $0 == 0 ? [0] : [] }, problems: [])
        let values = CourseValues(job: job, plan: plan)
        var learner = CandidateRecords.suppliedFields(header: header, photos: job.photos != nil)
        learner.formUnion(filled(values.learner(plan.enrolled[0], index: 0)))
        var everyClass: Set<String>?, everySession: Set<String>?
        for c in job.classes.indices {
            let keys = filled(values.classContext(c))
            everyClass = everyClass?.intersection(keys) ?? keys
            for s in job.sessions(of: c) {
                let keys = filled(values.sessionContext(c, s))
                everySession = everySession?.intersection(keys) ?? keys
            }
        }
        return [.attendanceCard: learner.union(everyClass ?? []), .classSignInSheet: learner.union(everySession ?? [])]
    }

    /// Throws `UnsuppliedFields` (every document with fields no source supplies) when `header` is known.
    static func check(job: CourseJob, renderers: [(PaperKind, PaperRenderer)], header: HeaderMap?) throws {
        guard let header else { return }
        let supplied = supplied(job: job, header: header)
        try PackFields.check(renderers, supplied: { supplied[$0] ?? [] }, supply: supply)
    }

    /// Where a course job supplies `field`.
    static func supply(_ field: String) -> LocalizedText {
        if field == CandidateRecords.photoField {
            return LocalizedText(zh: "在任务文件 inputs.photos 中给出照片压缩包", en: "give the photo archive as inputs.photos in the job")
        }
        if let known = Field(rawValue: field) {
            return LocalizedText(zh: "名单中加一列“\(known.chineseHeader)”", en: "add a roster column \(known.chineseHeader)")
        }
        let classKeys = ["class.place": "place", "class.teacher": "teacher"]
        if let key = classKeys[field] {
            return LocalizedText(zh: "任务文件 classes 中每个班级的 \(key)\(key == "teacher" ? "（或每个课次的 teacher）" : "")",
                                 en: "\(key) of every class under classes in the job\(key == "teacher" ? " (or of every session)" : "")")
        }
        if field == "course.place" || field == "course.code" {
            return LocalizedText(zh: "任务文件 \(field)", en: "\(field) in the job")
        }
        if field.hasPrefix("session.") || field.hasPrefix("exam.") || field.hasPrefix("site.") || field.hasPrefix("room.") {
            return LocalizedText(zh: "培训班没有考试的字段 \(field)：请用 class.*、course.* 字段，或任务文件 values: {\(field): …}",
                                 en: "a course has no exam field \(field): use class.* and course.* fields, or values: {\(field): …} in the job")
        }
        if DocumentFields.isJobValue(field) {
            return LocalizedText(zh: "任务文件 values: {\(field): …}", en: "values: {\(field): …} in the job")
        }
        return LocalizedText(zh: "名单中加一列“\(field)”，或任务文件 values: {\(field): …}", en: "add a roster column named \(field), or values: {\(field): …} in the job")
    }

    /// The keys of `values` that are not blank.
    private static func filled(_ values: [String: String]) -> Set<String> {
        Set(values.filter { !$0.value.allSatisfy(\.isWhitespace) }.keys)
    }
}
