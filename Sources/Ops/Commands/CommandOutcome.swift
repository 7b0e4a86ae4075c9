/// What a command came to.
public enum CommandOutcome: Sendable, Equatable {
    /// Done; the snapshot after it and a Russian confirmation.
    case done(action: String, messageRu: String, snapshot: ControlSnapshot)
    /// Needs a second operator: approve `approval.id` before `approval.expiresMs`.
    case pendingApproval(PendingApproval)
    /// Refused; nothing changed.
    case refused(CommandRefusal)

    /// HTTP status for the API: 200 done, 202 pending, else the refusal's.
    public var httpStatus: Int {
        switch self {
        case .done: 200
        case .pendingApproval: 202
        case .refused(let r): r.httpStatus
        }
    }
}
