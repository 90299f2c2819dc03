import Documents
import Foundation

/// Where every file of a course pack goes, known before anything is rendered (the zip lists its entries in
/// advance): per class with learners `<班级>/听课证.pdf` and `<班级>/签到表/<YYYY-MM-DD>.pdf`, one per day the
/// class meets; then the reports, the manifest last. Units are in rendering order: large classes first.
struct CourseLayout {
    /// One file to render: a class's cards, or its sign-in sheet of one day.
    struct Unit: Sendable {
        enum Kind: Sendable, Equatable { case cards, signIn(day: String) }
        var classIndex: Int
        var kind: Kind
        var file: String
    }

    let units: [Unit]
    let directories: [String]
    static let planWorkbook = "排课明细.xlsx"
    static let signInFolder = "签到表"
    static let reportFiles = [planWorkbook, PackLayout.validationWorkbook, PackLayout.reportJSON]

    init(job: CourseJob, plan: CoursePlan) {
        let classes = job.classes.indices.filter { !plan.byClass[$0].isEmpty }
            .sorted { (plan.byClass[$0].count, -$0) > (plan.byClass[$1].count, -$1) }
        var units: [Unit] = []
        var directories: [String] = []
        for c in classes {
            let folder = Self.folder(job.classes[c])
            directories.append(folder)
            for document in job.documents {
                switch document {
                case .attendanceCard:
                    units.append(Unit(classIndex: c, kind: .cards, file: folder + "/" + PaperKind.attendanceCard.fileName))
                case .classSignInSheet:
                    directories.append(folder + "/" + Self.signInFolder)
                    for day in job.days(of: c) {
                        units.append(Unit(classIndex: c, kind: .signIn(day: day), file: folder + "/" + Self.signInFolder + "/" + day + ".pdf"))
                    }
                default: break
                }
            }
        }
        self.units = units
        self.directories = directories.sorted()
    }

    /// A class's folder: its name made safe for every file system.
    static func folder(_ courseClass: CourseClass) -> String {
        RoomFolders.safe(courseClass.name, fallback: String(courseClass.number))
    }

    /// Every file in the zip's order.
    var zipOrder: [String] { units.map(\.file) + Self.reportFiles + [PackLayout.manifest] }
}
