import ArgumentParser
import Documents
import Foundation
import Render
import Support

/// The paper options of `render` and `preview`: ticket paper, both sides, label stock, the printer's
/// offset and the starting position on a half-used sheet. Names and numbers are checked before anything
/// runs; whether they fit the template is checked once it is loaded (`PaperSetup`), before the roster is read.
struct PaperOptions: ParsableArguments {
    @Option(name: .long, help: "准考证的纸张：a4（默认：每页一份，考生须知在下半页）、a5（每页一份）、a5-2up（一张 A4 上下两份，带裁切线）")
    var ticket: String?

    @Flag(name: .long, help: "双面打印（长边翻转）：背面（考生须知）印在纸的另一面，正好在各自正面的背后")
    var duplex = false

    @Option(name: .long, help: "标签纸：2x4（L7165，桌贴默认）、2x5（L7173）、3x7（L7160）")
    var labels: String?

    @Option(name: .long, parsing: .unconditional, help: "打印机偏移校正（毫米）：向右 X、向下 Y，如 0.5,-0.3（各在 ±20 以内）")
    var offset: String?

    @Option(name: .long, help: "从一张纸的第几个位置开始（用完半张标签纸；1 是左上角，横向数）")
    var start: Int?

    /// Every check that needs no file, in the command's message language (from the command's `validate()`).
    func check(_ l: Language) throws {
        if let ticket, TicketPaper.named(ticket) == nil {
            throw ValidationError(l.pick("--ticket 应为 \(TicketPaper.names(separator: "、"))，实际为“\(ticket)”",
                                         "--ticket must be \(TicketPaper.names(separator: ", ")), not \"\(ticket)\""))
        }
        if let labels, LabelPreset.named(labels) == nil {
            throw ValidationError(l.pick("--labels：未知的标签纸“\(labels)”（可用：\(LabelPreset.names(separator: "、"))）",
                                         "--labels: unknown label stock \"\(labels)\" (known: \(LabelPreset.names(separator: ", ")))"))
        }
        if let offset {
            guard let value = Self.offset(offset) else {
                throw ValidationError(l.pick("--offset 应写成 X,Y（毫米，向右、向下为正），如 0.5,-0.3；实际为“\(offset)”",
                                             "--offset takes X,Y in mm (right and down are positive), e.g. 0.5,-0.3; not \"\(offset)\""))
            }
            guard value.isWithinLimit else {
                let limit = Int(PrintOffset.limit)
                throw ValidationError(l.pick("--offset 每个方向应在 -\(limit)…\(limit) 毫米之间，实际为 \(offset)",
                                             "--offset must be within -\(limit)…\(limit) mm either way, not \(offset)"))
            }
        }
    }

    /// The label stock asked for (after `check`).
    var preset: LabelPreset? { labels.flatMap(LabelPreset.named) }

    /// The options as a paper setup (after `check`).
    var setup: PaperSetup {
        PaperSetup(ticket: ticket.flatMap(TicketPaper.named), duplex: duplex, labels: preset,
                   offset: offset.flatMap(Self.offset) ?? PrintOffset(), start: start)
    }

    /// `X,Y` in mm (`0.5,-0.3`; a full-width comma or spaces are fine), nil when malformed.
    static func offset(_ text: String) -> PrintOffset? {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == "，" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let x = Double(parts[0]), let y = Double(parts[1]), x.isFinite, y.isFinite else { return nil }
        return PrintOffset(x: x, y: y)
    }

    /// A paper setting that does not fit the template, named by its option: `--start: …`.
    static func describe(_ error: PaperError, _ l: Language) -> String {
        "--\(error.setting.rawValue)\(l.pick("：", ": "))\(error.message(l))"
    }
}
