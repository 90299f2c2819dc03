import Foundation
import Pack
import Support
import Synchronization

/// Shows a pack's progress on standard error: a bar redrawn in place when stderr is a terminal, otherwise
/// one line per stage (logs stay readable).
final class ProgressBar: Sendable {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let language: Language
    private let last = Mutex<(stage: PackProgress.Stage?, drawn: Int)>((nil, -1))

    /// What the rendering stage counts (考场 / rooms, or 张证书 / certificates).
    private let unit: LocalizedText

    /// Stages named otherwise than an exam's (a course: 编班 instead of 排考).
    private let labels: [PackProgress.Stage: LocalizedText]

    init(language: Language, unit: LocalizedText = LocalizedText(zh: "个考场", en: "rooms"), labels: [PackProgress.Stage: LocalizedText] = [:]) {
        self.language = language
        self.unit = unit
        self.labels = labels
    }

    func report(_ p: PackProgress) {
        last.withLock { state in
            let newStage = state.stage != p.stage
            if !isTerminal {
                if newStage { write(line(p) + "\n") }
            } else {
                if newStage && state.stage != nil { write("\n") }
                guard p.total > 1 else {
                    // A stage without countable steps: its name only.
                    if newStage { write("\r\(label(p.stage))\u{1B}[K") }
                    state.stage = p.stage
                    return
                }
                let width = 30
                let filled = min(width, p.done * width / p.total)
                guard newStage || filled != state.drawn || p.done == p.total else { return }
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                write("\r\(label(p.stage)) \(bar) \(p.done)/\(p.total) \(p.note)\u{1B}[K")
                state.drawn = filled
            }
            state.stage = p.stage
        }
    }

    /// Ends the bar's line.
    func finish() {
        if isTerminal && last.withLock({ $0.stage != nil }) { write("\n") }
    }

    private func line(_ p: PackProgress) -> String {
        p.stage == .rendering ? label(p.stage) + language.pick("（\(p.total) \(unit.zh)）", " (\(p.total) \(unit.en))") : label(p.stage)
    }

    private func label(_ stage: PackProgress.Stage) -> String {
        if let own = labels[stage] { return own.pick(language) }
        switch stage {
        case .validating: return language.pick("校验名单和照片…", "validating…")
        case .seating: return language.pick("排考…", "seating…")
        case .rendering: return language.pick("生成 PDF…", "rendering…")
        case .writing: return language.pick("写排考明细和报告…", "writing plan and reports…")
        case .zipping: return language.pick("压缩…", "zipping…")
        }
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
