/// The papers kaowu prints, each with its built-in template (`templates/<rawValue>.yaml`): the one list of
/// kinds `kaowu render` takes and a print pack's documents come from.
public enum PaperKind: String, Sendable, CaseIterable, Hashable {
    case admissionTicket = "admission-ticket"
    case signInSheet = "sign-in-sheet"
    case deskLabel = "desk-label"
    case doorLabel = "door-label"
    case attendanceCard = "attendance-card"
    case qualificationCertificate = "qualification-certificate"
    case eCertificate = "e-certificate"
    /// A training class's sign-in sheet: a table per 课次 with 签到 and 签退 columns (`kaowu pack` on a course job).
    case classSignInSheet = "class-sign-in-sheet"

    /// The papers of an exam's print pack, in the order a pack makes them unless the job says otherwise.
    public static let examPack: [PaperKind] = [.doorLabel, .signInSheet, .deskLabel, .admissionTicket]

    /// The papers of a training course's print pack (a job with `course:`): cards, then sign-in sheets.
    public static let coursePack: [PaperKind] = [.attendanceCard, .classSignInSheet]

    /// The file name a pack gives it in each room's folder.
    public var fileName: String {
        switch self {
        case .doorLabel: return "门贴.pdf"
        case .signInSheet: return "签到表.pdf"
        case .deskLabel: return "桌贴.pdf"
        case .admissionTicket: return "准考证.pdf"
        case .attendanceCard: return "听课证.pdf"
        case .qualificationCertificate: return "合格证.pdf"
        case .eCertificate: return "电子证书.pdf"
        case .classSignInSheet: return "签到表.pdf"
        }
    }
}
