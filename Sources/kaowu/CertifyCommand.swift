import ArgumentParser
import Certify
import Foundation
import Pack
import Support
import Validation

/// `kaowu certify`: issue a batch of signed certificates (one signed PDF per holder, the registry's rows,
/// 证书发放清单.xlsx, manifest and zip), or propose it for approval (`--propose`).
struct CertifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certify",
        abstract: "按证书任务签发电子证书：合格判定、证书编号、二维码签名、PDF 签名、登记入库；或 --propose 提交审批。")

    @Argument(help: "证书任务文件（.yaml）")
    var job: String

    @Flag(name: .long, help: "只生成待审批批次（任务的 batch 文件，默认 任务名.batch.json），不签发")
    var propose = false

    @Option(name: .long, help: "输出目录（默认取任务文件的 output）；同时生成 目录.zip")
    var out: String?

    /// For `kaowu bench certify`: where to write the run's time split (JSON).
    @Option(name: .long, help: .hidden)
    var timingFile: String?

    @OptionGroup
    var threads: ThreadOptions

    @OptionGroup
    var global: GlobalOptions

    func validate() throws {
        try threads.check(global.language)
    }

    func run() throws {
        let l = global.language
        try requireReadable([job], l)
        let loaded: CertifyJob
        do { loaded = try CertifyJobLoader.load(path: job) } catch let mistake as Diagnostic {
            printError(mistake.message(l))
            throw ExitStatus.usage
        }
        try requireReadable([loaded.roster] + (loaded.photos.map { [$0] } ?? []), l)
        var options = CertifyOptions()
        options.propose = propose
        options.output = out
        options.language = l
        options.threads = threads.count
        let bar = ProgressBar(language: l, unit: LocalizedText(zh: "张证书", en: "certificates"))
        options.progress = { done, total in bar.report(PackProgress(stage: .rendering, done: done, total: total, note: "")) }
        let result: CertifyResult
        do {
            result = try CertifyRunner.run(loaded, options: options)
            bar.finish()
        } catch let failure as CertifyFailure {
            bar.finish()
            printError("kaowu certify: " + failure.message(l))
            throw failure.isInputProblem ? ExitStatus.problems : ExitStatus.usage
        } catch let mistake as Diagnostic {
            bar.finish()
            printError((mistake.code == "job.invalid" ? "" : "kaowu certify: ") + mistake.message(l))
            throw ExitStatus.usage
        } catch {
            bar.finish()
            printError("kaowu certify: " + describe(error, l))
            throw ExitStatus.usage
        }
        print(summary(result, l))
        if let timingFile {
            let split = ["render": result.renderSeconds, "sign": result.signSeconds, "write": result.writeSeconds,
                         "certificates": Double(result.issued + result.kept + result.reissued), "seconds": result.seconds]
            try? JSONEncoder().encode(split).write(to: URL(fileURLWithPath: timingFile))
        }
        if result.errors > 0 { throw ExitStatus.problems }
    }

    private func summary(_ r: CertifyResult, _ l: Language) -> String {
        var lines: [String] = []
        if r.errors > 0 {
            lines.append(l.pick("有错误的行和照片（这些人未发证，详见 report.json 和 证书发放清单.xlsx 的“未发证”表）：",
                                "rows and photos with errors (no certificate for them; see report.json and the 未发证 sheet of 证书发放清单.xlsx):"))
            lines += ErrorLines.of(r.problems, l)
        }
        let failed = r.notCertified.filter { !$0.reasons.isEmpty }
        if !failed.isEmpty {
            lines.append(l.pick("未发证 \(failed.count) 人：", "\(failed.count) not certified:"))
            for n in failed.prefix(20) {
                lines.append("  " + l.pick("第 \(n.row) 行 \(n.name)：", "row \(n.row) \(n.name): ") + n.reasons.map { $0.pick(l) }.joined(separator: l.pick("；", "; ")))
            }
            if failed.count > 20 { lines.append(l.pick("  ……另有 \(failed.count - 20) 人", "  … and \(failed.count - 20) more")) }
        }
        let certificates = r.issued + r.kept + r.reissued
        if let proposal = r.proposal {
            lines.append(l.pick("已提交待审批批次：\(proposal)（\(certificates) 张证书，哈希 \(r.batchHash.prefix(16))…）",
                                "proposed batch written: \(proposal) (\(certificates) certificates, hash \(r.batchHash.prefix(16))…)"))
            lines.append(l.pick("各审批方运行：kaowu approve \(proposal) --key 密钥目录；全部审批后再运行 kaowu certify（不带 --propose）签发",
                                "each approver runs: kaowu approve \(proposal) --key KEYS; then run kaowu certify without --propose to issue"))
            return lines.joined(separator: "\n")
        }
        let seconds = String(format: "%.1f", r.seconds)
        lines.append(l.pick("名单 \(r.rows) 行：证书 \(certificates) 张（新发 \(r.issued)，沿用 \(r.kept)，换发 \(r.reissued)），未发证 \(r.notCertified.count) 人；用时 \(seconds) 秒",
                            "\(r.rows) rows: \(certificates) certificates (\(r.issued) new, \(r.kept) kept, \(r.reissued) reissued), \(r.notCertified.count) not certified; \(seconds) s"))
        lines.append(l.pick("批次：\(r.batchID)", "batch: \(r.batchID)"))
        lines.append(l.pick("证书目录：\(r.folder)/", "certificates: \(r.folder)/"))
        lines.append(l.pick("压缩包：  \(r.zip)", "zip:  \(r.zip)"))
        return lines.joined(separator: "\n")
    }
}
