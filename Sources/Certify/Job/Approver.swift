/// A role that must sign off a batch before it is issued (dual sign-off: 培训机构 proposes, 评价组织
/// approves): its name, the trust list holding its public keys, and the seal image printed for it.
public struct Approver: Sendable, Equatable {
    /// 培训机构, 评价组织, … as written in the job.
    public var role: String
    /// The approver's published `trust.json` (or a key folder holding one).
    public var trust: String
    /// A square PNG of the role's signature seal, printed on the certificate when the template has a place for it.
    public var seal: String?

    public init(role: String, trust: String, seal: String?) {
        self.role = role
        self.trust = trust
        self.seal = seal
    }
}
