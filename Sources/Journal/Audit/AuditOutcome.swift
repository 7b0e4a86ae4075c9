/// How an audited action ended.
public enum AuditOutcome: String, Sendable, Hashable, CaseIterable, Codable {
    /// Done as asked.
    case ok
    /// Refused before anything changed (bad token, wrong role, out-of-range value, illegal transition…).
    case refused
    /// Accepted, but an effect failed while applying it.
    case error
    /// Waiting for a second operator's approval (two-man rule).
    case pending
}
