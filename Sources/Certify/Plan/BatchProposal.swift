import Credentials
import Foundation
import Support

/// A proposed batch (`kaowu certify JOB --propose` writes it; `kaowu approve` adds each role's approval):
/// the list to issue, its hash, the roles that must approve and the approvals so far. kaowu rewrites only
/// a file that is one of its proposals.
public struct BatchProposal: Codable, Sendable {
    public var kaowu: String
    public var format: String
    public var job: String
    public var proposed: String
    public var hash: String
    public var roles: [String]
    public var batch: BatchContent
    public var approvals: [Approval]

    static let formatName = "kaowu-batch-1"

    public init(job: String, proposed: Date, batch: BatchContent, roles: [String]) throws {
        kaowu = KaowuVersion.current
        format = Self.formatName
        self.job = job
        self.proposed = ISO8601DateFormatter().string(from: proposed)
        hash = try batch.hash()
        self.roles = roles
        self.batch = batch
        approvals = []
    }

    /// Reads a proposal; a file that is not one, or whose list no longer has the hash it was proposed with
    /// (edited by hand), is refused with the reason.
    public static func read(path: String) throws -> BatchProposal {
        guard let data = FileManager.default.contents(atPath: path), data.count < 256 << 20 else {
            throw CertifyFailure(code: CertifyFailure.batchUnreadable, zh: "无法读取待审批批次 \(path)", en: "cannot read the proposed batch \(path)")
        }
        let proposal: BatchProposal
        do { proposal = try JSONDecoder().decode(BatchProposal.self, from: data) } catch {
            throw CertifyFailure(code: CertifyFailure.batchUnreadable, zh: "\(path) 不是 kaowu 的待审批批次", en: "\(path) is not a kaowu proposed batch")
        }
        guard proposal.format == formatName else {
            throw CertifyFailure(code: CertifyFailure.batchUnreadable, zh: "\(path) 不是 kaowu 的待审批批次", en: "\(path) is not a kaowu proposed batch")
        }
        guard (try? proposal.batch.hash()) == proposal.hash else {
            throw CertifyFailure(code: CertifyFailure.batchChanged, zh: "\(path) 中的名单已被改动（与提交时的哈希不符），请重新提交 --propose",
                                 en: "the list in \(path) was changed after it was proposed (its hash differs); propose it again with --propose")
        }
        return proposal
    }

    /// Writes the proposal to `path` (replacing only an earlier proposal: a temporary file renamed into place).
    public func write(path: String) throws {
        if FileManager.default.fileExists(atPath: path) {
            guard let data = FileManager.default.contents(atPath: path),
                  let old = try? JSONDecoder().decode(BatchProposal.self, from: data), old.format == Self.formatName else {
                throw CertifyFailure(code: CertifyFailure.outputForeign, zh: "\(path) 已存在且不是 kaowu 的待审批批次，不会覆盖",
                                     en: "\(path) exists and is not a kaowu proposed batch; it is not replaced", isInputProblem: false)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(self)
        let temporary = path + ".kaowu-tmp"
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CertifyFailure(code: CertifyFailure.outputUnusable, zh: "无法写入 \(path)", en: "cannot write \(path)", isInputProblem: false)
        }
    }
}
