import Foundation

/// Where every file of a pack goes, known before anything is rendered: the zip lists its entries in
/// advance and takes each file as soon as it is written. Rooms come in the order they are rendered
/// (large rooms first, so no thread is left with a big one at the end), then the reports, the manifest last.
struct PackLayout {
    /// Rooms with candidates, in rendering order.
    let order: [Int]
    /// Each room's files (relative to the pack), by room index.
    let roomFiles: [Int: [String]]
    /// Every folder of the pack.
    let directories: [String]
    static let planWorkbook = "排考明细.xlsx", validationWorkbook = "校验报告.xlsx", reportJSON = "report.json"
    static let reportFiles = [planWorkbook, validationWorkbook, reportJSON]
    static let manifest = "manifest.json"

    init(job: Job, plan: PackPlan) {
        let folders = RoomFolders(job: job)
        let rooms = plan.byRoom.indices.filter { !plan.byRoom[$0].isEmpty }
        order = rooms.sorted { (plan.byRoom[$0].count, -$0) > (plan.byRoom[$1].count, -$1) }
        var files: [Int: [String]] = [:]
        var directories = Set<String>()
        for r in rooms {
            directories.insert(folders.site(r))
            directories.insert(folders.room(r))
            files[r] = job.documents.map { folders.file(r, $0) }
            if job.ticketPerCandidate {
                files[r]! += plan.byRoom[r].map { RoomFolders.ticketFile(plan.seated[$0].ticketNumber) }
            }
        }
        if job.ticketPerCandidate { directories.insert(RoomFolders.ticketFolder) }
        roomFiles = files
        self.directories = directories.sorted()
    }

    /// Every file in the zip's order.
    var zipOrder: [String] { order.flatMap { roomFiles[$0] ?? [] } + Self.reportFiles + [Self.manifest] }
}
