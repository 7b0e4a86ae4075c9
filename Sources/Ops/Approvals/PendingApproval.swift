/// A request waiting for a second operator under the two-man rule.
public struct PendingApproval: Sendable, Hashable {
    /// Unguessable id (`ap_` + 32 hex digits from the system CSPRNG).
    public let id: String
    /// The command that runs once approved.
    public let command: OperatorCommand
    /// Who asked (the first key).
    public let requestedBy: Principal
    /// When, wall-clock milliseconds.
    public let createdMs: Int64
    /// After this the id is dead, wall-clock milliseconds.
    public let expiresMs: Int64

    /// A pending approval.
    public init(id: String, command: OperatorCommand, requestedBy: Principal, createdMs: Int64, expiresMs: Int64) {
        self.id = id; self.command = command; self.requestedBy = requestedBy
        self.createdMs = createdMs; self.expiresMs = expiresMs
    }
}
