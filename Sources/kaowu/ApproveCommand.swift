import ArgumentParser
import Certify
import Credentials
import Foundation
import Support

/// `kaowu approve`: one approver's sign-off of a proposed batch (dual sign-off): shows what the batch
/// issues, signs its hash with the approver's key and adds the approval to the batch file.
struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "审批方对待审批批次签名（双方审批）：核对名单后用本方密钥签署批次哈希。")

    @Argument(help: "待审批批次文件（kaowu certify --propose 生成）")
    var batch: String

    @Option(name: .long, help: "审批方的密钥目录（kaowu keys generate --role 角色 生成）")
    var key: String

    @Option(name: .long, help: "审批角色（默认取密钥的角色）")
    var role: String?

    @OptionGroup
    var global: GlobalOptions

    func run() throws {
        let l = global.language
        try requireReadable([batch], l)
        var proposal: BatchProposal
        let signer: IssuerKey
        do {
            proposal = try BatchProposal.read(path: batch)
            signer = try IssuerKey.load(folder: key)
        } catch let failure as CertifyFailure {
            printError("kaowu approve: " + failure.message(l))
            throw failure.isInputProblem ? ExitStatus.problems : ExitStatus.usage
        } catch {
            printError("kaowu approve: " + describe(error, l))
            throw ExitStatus.usage
        }
        guard let role = role ?? signer.role, !role.isEmpty else {
            printError(l.pick("kaowu approve：密钥 \(key) 没有角色，请用 --role 指明（可选：\(proposal.roles.joined(separator: "、"))）",
                              "kaowu approve: the key \(key) has no role; give --role (one of: \(proposal.roles.joined(separator: ", ")))"))
            throw ExitStatus.usage
        }
        guard proposal.roles.contains(role) else {
            printError(l.pick("kaowu approve：此批次不需要“\(role)”审批（需要：\(proposal.roles.joined(separator: "、"))）",
                              "kaowu approve: this batch needs no approval by \"\(role)\" (it needs: \(proposal.roles.joined(separator: ", ")))"))
            throw ExitStatus.usage
        }
        let b = proposal.batch
        let counts = Dictionary(grouping: b.certificates, by: \.status).mapValues(\.count)
        print(l.pick("批次 \(proposal.hash.prefix(16))…：\(b.issuerName)（\(b.issuer)）\(b.kind)“\(b.title)”，发证日期 \(b.issued)，有效期至 \(b.expires ?? "长期")",
                     "batch \(proposal.hash.prefix(16))…: \(b.issuerName) (\(b.issuer)) \(b.kind) \"\(b.title)\", issued \(b.issued), valid to \(b.expires ?? "no end")"))
        print(l.pick("证书 \(b.certificates.count) 张：新发 \(counts["new"] ?? 0)，换发 \(counts["reissued"] ?? 0)，沿用 \(counts["kept"] ?? 0)",
                     "\(b.certificates.count) certificates: \(counts["new"] ?? 0) new, \(counts["reissued"] ?? 0) reissued, \(counts["kept"] ?? 0) kept"))
        for entry in b.certificates.prefix(10) {
            print("  \(entry.number)  \(entry.name)  \(entry.maskedID)  \(entry.category)")
        }
        if b.certificates.count > 10 { print(l.pick("  ……另有 \(b.certificates.count - 10) 张", "  … and \(b.certificates.count - 10) more")) }
        let approval: Approval
        do {
            approval = try Approval.sign(batchHash: proposal.hash, role: role, key: signer, at: Date())
        } catch {
            printError("kaowu approve: " + describe(error, l))
            throw ExitStatus.usage
        }
        proposal.approvals.removeAll { $0.role == role }
        proposal.approvals.append(approval)
        do { try proposal.write(path: batch) } catch let failure as CertifyFailure {
            printError("kaowu approve: " + failure.message(l))
            throw ExitStatus.usage
        }
        let missing = proposal.roles.filter { r in !proposal.approvals.contains { $0.role == r } }
        print(l.pick("已由“\(role)”（\(signer.issuerName)，密钥 \(signer.kid.hex)）审批并写入 \(batch)", "approved as \"\(role)\" (\(signer.issuerName), key \(signer.kid.hex)); written to \(batch)"))
        print(missing.isEmpty
              ? l.pick("审批已齐，可运行 kaowu certify 签发", "all approvals are in: run kaowu certify to issue")
              : l.pick("尚缺：\(missing.joined(separator: "、"))", "still missing: \(missing.joined(separator: ", "))"))
    }
}
