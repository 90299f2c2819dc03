import Documents
import Foundation
import Render

/// Every character a pack can print: the candidates' values, the job's, rooms' and sessions' values,
/// and the templates' own text (read from their files, so labels and fixed words are included).
enum PackCharacters {
    static func collect(job: Job, plan: PackPlan, values: PackValues) -> Set<Unicode.Scalar> {
        var characters = PrintedCharacters()
        for (i, candidate) in plan.candidates.enumerated() { for value in CandidateRecords.values(candidate, index: i).values { characters.add(value) } }
        for s in plan.seated { characters.add(s.ticketNumber) }
        // Each sitting's values hold its room's (a room no session uses prints nothing).
        for k in plan.sittings.indices { for value in values.sitting(k).values { characters.add(value) } }
        if let ticket = plan.tickets.first { for value in values.ticket(ticket, index: 0).values { characters.add(value) } }
        for s in job.sessions {
            for value in TemplateValues.session(s).values { characters.add(value) }
            characters.add(SessionText.line(s))
            characters.add(SessionText.span(s))
        }
        for value in values.exam.values { characters.add(value) }
        for path in job.templates.values { characters.addTemplate(at: path) }
        characters.add("0123456789第页共年月日时分 –—")
        return characters.scalars
    }
}
