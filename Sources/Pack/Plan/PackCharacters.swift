import Documents
import Foundation

/// Every character a pack can print: the candidates' values, the job's, rooms' and sessions' values,
/// and the templates' own text (read from their files, so labels and fixed words are included).
enum PackCharacters {
    static func collect(job: Job, plan: PackPlan, values: PackValues) -> Set<Unicode.Scalar> {
        var set = Set<Unicode.Scalar>()
        func add(_ text: String) { for scalar in text.unicodeScalars where scalar.value >= 0x20 { set.insert(scalar) } }
        for (i, candidate) in plan.candidates.enumerated() { for value in CandidateRecords.values(candidate, index: i).values { add(value) } }
        for s in plan.seated { add(s.ticketNumber) }
        // Each sitting's values hold its room's (a room no session uses prints nothing).
        for k in plan.sittings.indices { for value in values.sitting(k).values { add(value) } }
        if let ticket = plan.tickets.first { for value in values.ticket(ticket, index: 0).values { add(value) } }
        for s in job.sessions { for value in TemplateValues.session(s).values { add(value) }; add(SessionText.line(s)); add(SessionText.span(s)) }
        for value in values.exam.values { add(value) }
        for path in job.templates.values {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { add(text) }
        }
        add("0123456789第页共年月日时分 –—")
        return set
    }
}
