import Documents
import Foundation

/// Where every file of a pack goes, known before anything is rendered: the zip lists its entries in
/// advance and takes each file as soon as it is written. Sittings (room × session) come in the order they
/// are rendered (large ones first, so no thread is left with a big one at the end), then the reports, the
/// manifest last.
struct PackLayout {
    /// Sittings, in rendering order.
    let order: [Int]
    /// Each sitting's files (relative to the pack), by sitting index.
    let sittingFiles: [Int: [String]]
    /// For each sitting, the admission tickets its folder prints (indices into `PackPlan.tickets`).
    let ticketsOf: [Int: [Int]]
    /// Every folder of the pack.
    let directories: [String]
    static let planWorkbook = "排考明细.xlsx", validationWorkbook = "校验报告.xlsx", reportJSON = "report.json"
    static let reportFiles = [planWorkbook, validationWorkbook, reportJSON]
    static let manifest = "manifest.json"

    init(job: Job, plan: PackPlan) {
        let folders = RoomFolders(job: job)
        var tickets: [Int: [Int]] = [:]
        for (t, ticket) in plan.tickets.enumerated() { tickets[ticket.sitting, default: []].append(t) }
        ticketsOf = tickets
        func weight(_ k: Int) -> Int { plan.sittings[k].seated.count + (tickets[k]?.count ?? 0) }
        order = plan.sittings.indices.sorted { (weight($0), -$0) > (weight($1), -$1) }
        var files: [Int: [String]] = [:]
        var directories = Set<String>()
        for (k, sitting) in plan.sittings.enumerated() {
            directories.insert(folders.site(sitting.room))
            directories.insert(folders.room(sitting.room))
            directories.insert(folders.sitting(sitting.room, session: sitting.session))
            files[k] = job.documents.filter { $0 != .admissionTicket || tickets[k] != nil }
                .map { folders.file(sitting.room, session: sitting.session, $0) }
            if job.ticketPerCandidate {
                files[k]! += (tickets[k] ?? []).map { RoomFolders.ticketFile(plan.seated[plan.tickets[$0].first].ticketNumber) }
            }
        }
        if job.ticketPerCandidate { directories.insert(RoomFolders.ticketFolder) }
        sittingFiles = files
        self.directories = directories.sorted()
    }

    /// Every file in the zip's order.
    var zipOrder: [String] { order.flatMap { sittingFiles[$0] ?? [] } + Self.reportFiles + [Self.manifest] }
}
