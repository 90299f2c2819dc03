import Documents
import Foundation
import Render
import Roster
import Support
import Validation

/// The fields a pack supplies to its documents — the roster's columns, the photo archive, the job's values,
/// and what seating computes per candidate, room and session — made by `PackValues` itself from a probe
/// plan (one candidate seated in every room), so the check can never disagree with what is printed; and
/// the check of every document's template against them, before anything is written.
enum PackFields {
    /// The fields every record of every room has: the union of a candidate's and the values every room
    /// (in every session) gives.
    static func supplied(job: Job, header: HeaderMap) -> Set<String> {
        let probe = Candidate(row: header.row + 1, name: "·", idKind: .residentID, idNumber: "·")
        let sessions: [Int?] = job.sessions.isEmpty ? [nil] : job.sessions.indices.map { $0 }
        var seated: [SeatedRegistration] = []
        var sittings: [Sitting] = []
        for r in job.rooms.indices {
            for s in sessions where s.map({ job.roomSessions[r]?.contains($0) ?? true }) ?? true {
                sittings.append(Sitting(room: r, session: s, seated: [seated.count]))
                seated.append(SeatedRegistration(candidate: 0, registration: 0, room: r, seat: 1, session: s, ticketNumber: "·", kept: false))
            }
        }
        let plan = PackPlan(candidates: [probe], seated: seated, sittings: sittings,
                            tickets: seated.isEmpty ? [] : [AdmissionTicket(seated: [0], sitting: 0)], conflicts: [], problems: [])
        let values = PackValues(job: job, plan: plan)
        var supplied = CandidateRecords.suppliedFields(header: header, photos: job.photos != nil)
        if let first = plan.seated.first { supplied.formUnion(filled(values.registration(first, index: 0))) }
        if let ticket = plan.tickets.first { supplied.formUnion(filled(values.ticket(ticket, index: 0))) }
        var everySitting: Set<String>?
        for k in plan.sittings.indices {
            let keys = filled(values.sitting(k))
            everySitting = everySitting?.intersection(keys) ?? keys
        }
        return supplied.union(everySitting ?? [])
    }

    /// Throws `UnsuppliedFields` (every document with fields no source supplies) when `header` is known.
    static func check(job: Job, renderers: [(PaperKind, PaperRenderer)], header: HeaderMap?) throws {
        guard let header else { return }
        let supplied = supplied(job: job, header: header)
        try check(renderers, supplied: { _ in supplied }, supply: supply)
    }

    /// Throws the first document of `renderers` with fields its source (`supplied`) lacks, the others in its
    /// `more`, each field with how a job supplies it: how an exam's and a course's documents are checked.
    static func check(_ renderers: [(PaperKind, PaperRenderer)], supplied: (PaperKind) -> Set<String>,
                      supply: @escaping (String) -> LocalizedText) throws {
        let blankHint = LocalizedText(zh: "可以没有的元素在模板中写 optional: true（留空时不画），再用任务文件的 templates.<文书> 指定这个模板。",
                                      en: "For an element that may be absent, write optional: true in the template (not drawn when blank) and name that template under templates.<document> in the job.")
        let failures = renderers.compactMap { UnsuppliedFields($0.1, supplied: supplied($0.0), supply: supply, blankHint: blankHint) }
        guard var first = failures.first else { return }
        first.more = Array(failures.dropFirst())
        throw first
    }

    /// Where a job supplies `field`.
    static func supply(_ field: String) -> LocalizedText {
        if field == CandidateRecords.photoField {
            return LocalizedText(zh: "在任务文件 inputs.photos 中给出照片压缩包", en: "give the photo archive as inputs.photos in the job")
        }
        if let known = Field(rawValue: field) {
            return LocalizedText(zh: "名单中加一列“\(known.chineseHeader)”", en: "add a roster column \(known.chineseHeader)")
        }
        if field == TemplateValues.noticesField || TemplateValues.noticeNumber(field) != nil {
            return LocalizedText(zh: "任务文件 exam.notices（考生须知，每条一项）", en: "exam.notices in the job (one entry per notice)")
        }
        if field.hasPrefix("session.") || field == "sessions.1" {
            return LocalizedText(zh: "任务文件 sessions（场次：subject、code、start、end）", en: "sessions in the job (subject, code, start, end)")
        }
        let roomKeys = ["site.address": "site-address", "room.address": "address", "room.invigilators": "invigilators"]
        if let key = roomKeys[field] {
            return LocalizedText(zh: "任务文件 rooms 中每个考场的 \(key)", en: "\(key) of every room under rooms in the job")
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
