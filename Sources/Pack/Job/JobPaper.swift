import Documents
import Render
import Yams

/// The job's `paper:` section — `paper: {ticket: a5-2up, duplex: true, labels: 2x5, offset: [0.5, -0.3]}`:
/// the admission tickets' paper and whether their backs are printed on the other side, the desk labels'
/// stock, and the office printer's offset (everything the pack prints for rooms is moved by it). The lines
/// of the keys are kept, so a setting that does not fit a template is reported where it was written.
public struct JobPaper: Sendable {
    public var ticket: TicketPaper?
    public var duplex = false
    public var labels: LabelPreset?
    public var offset = PrintOffset()
    /// Line of each key given (`ticket`, `duplex`, `labels`, `offset`), and of `paper` itself under "".
    public var lines: [String: Int] = [:]

    public init() {}

    /// The settings for `document`'s room files: tickets take the ticket paper and both sides, desk labels
    /// the stock; all take the offset. (Per-candidate ticket files take none: see `RoomRenderer`.)
    public func setup(for document: PaperKind) -> PaperSetup {
        switch document {
        case .admissionTicket: return PaperSetup(ticket: ticket, duplex: duplex, offset: offset)
        case .deskLabel: return PaperSetup(labels: labels, offset: offset)
        default: return PaperSetup(offset: offset)
        }
    }

    /// The line of `setting`'s key (else of `paper:`).
    public func line(of setting: PaperError.Setting) -> Int? {
        lines[setting.rawValue] ?? lines[""]
    }

    /// Reads `paper:` (absent: the defaults), every mistake named with its line and key.
    static func read(_ node: Node?, _ nodes: NodeReader) throws -> JobPaper {
        var paper = JobPaper()
        guard let node else { return paper }
        let map = try nodes.mapping(node, key: "paper", allowed: ["ticket", "duplex", "labels", "offset"])
        paper.lines[""] = node.mark?.line
        for (key, value) in map { paper.lines[key] = value.mark?.line }
        // Each key on its own, so every mistake is reported.
        if let t = map["ticket"] {
            paper.ticket = try nodes.attempt {
                let name = try nodes.text(t, key: "paper.ticket")
                guard let ticket = TicketPaper.named(name) else {
                    throw nodes.error(t, key: "paper.ticket", zh: "“\(name)”：应为 \(TicketPaper.names(separator: "、"))", en: "\"\(name)\": expected \(TicketPaper.names(separator: ", "))")
                }
                return ticket
            } ?? nil
        }
        if let d = map["duplex"] { paper.duplex = try nodes.attempt { try nodes.bool(d, key: "paper.duplex") } ?? false }
        if let l = map["labels"] {
            paper.labels = try nodes.attempt {
                let name = try nodes.text(l, key: "paper.labels")
                guard let labels = LabelPreset.named(name) else {
                    throw nodes.error(l, key: "paper.labels", zh: "未知的标签纸“\(name)”（可用：\(LabelPreset.names(separator: "、"))）",
                                      en: "unknown label stock \"\(name)\" (known: \(LabelPreset.names(separator: ", ")))")
                }
                return labels
            } ?? nil
        }
        if let o = map["offset"] {
            paper.offset = try nodes.attempt { () throws -> PrintOffset in
                let limit = PrintOffset.limit
                guard case .sequence(let items) = o, items.count == 2 else {
                    throw nodes.error(o, key: "paper.offset", zh: "应为 [X, Y]（毫米，向右、向下为正），如 [0.5, -0.3]", en: "expected [X, Y] in mm (right and down are positive), e.g. [0.5, -0.3]")
                }
                let values = try items.map { try nodes.number($0, key: "paper.offset", range: -limit...limit) }
                return PrintOffset(x: values[0], y: values[1])
            } ?? PrintOffset()
        }
        return paper
    }
}
