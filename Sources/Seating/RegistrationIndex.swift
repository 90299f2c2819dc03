/// One registration of one candidate given to the planner: the candidate's index, and the index of the
/// subject in its `subjects`.
public struct RegistrationIndex: Sendable, Hashable {
    public var candidate: Int
    public var registration: Int

    public init(candidate: Int, registration: Int) {
        self.candidate = candidate
        self.registration = registration
    }
}
